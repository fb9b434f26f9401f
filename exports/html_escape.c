/* The one HTML escaper (exports/html_escape.h). */
#include "exports/html_escape.h"

#include "exports/xctx.h"

void html_escape(FILE *f, const char *s, enum html_newline nl)
{
	while (s && *s) {
		unsigned long cp;
		s += xs_next(s, &cp);
		switch (cp) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '\n': fputs(nl == HTML_NL_BR ? "<br>" : nl == HTML_NL_KEEP ? "\n" : " ", f); break;
		default: xs_put(f, cp);
		}
	}
}
