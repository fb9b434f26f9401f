/* peil sector (cli/cmd_sector.c reads and computes; cli/sector_out.c
 * writes text, CSV and JSON; exports/sector_doc.c md and html; core/round.c
 * the round file). */
#ifndef PEIL_SECTOR_CLI_H
#define PEIL_SECTOR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/questionnaire.h"
#include "scoring/sector.h"

struct sector_view {
	const struct questionnaire *q;
	const struct sector *s;
	const struct sector *base;      /* last round's own picture, or NULL */
	const char *group_by;           /* NULL: size classes */
	int lang;                       /* into q->langs */
	char csv_sep;                   /* ',' or ';' (then a decimal comma) */
	bool csv_bom;
};

void sector_text(const struct sector_view *v, FILE *f);
void sector_csv(const struct sector_view *v, FILE *f);
void sector_json(const struct sector_view *v, FILE *f);

#endif
