/* The join address as a QR code in text (libqrencode): lines a terminal
 * can show. No network, no curses: the TUI draws the lines. */
#ifndef PEIL_SERVE_QR_H
#define PEIL_SERVE_QR_H

#include <stdbool.h>

enum qr_style {
	QR_HALF_BLOCKS,         /* Unicode ▀▄█: one column and half a row per module */
	QR_FULL_BLOCKS,         /* Unicode ██: two columns and a row per module (--large) */
	QR_ASCII,               /* "##": two columns and a row per module, any terminal */
};

struct qr_text {
	char **lines;           /* NUL-terminated UTF-8 (or ASCII) */
	int nlines;
	int cols;               /* display columns of each line */
};

/* Encodes text with a quiet zone of two modules. A dark module is drawn
 * as a mark (show the lines dark on light), or with `invert` a light one
 * (for a terminal that draws light on dark and has no colours to change
 * that). False when memory runs out or the text is too long. */
bool qr_render(const char *text, enum qr_style style, bool invert, struct qr_text *out);
void qr_text_free(struct qr_text *qr);

#endif
