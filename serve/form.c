/* A vote's form body (serve/http_private.h): strict, because a phone's
 * browser sends exactly this and anything else is not a vote. */
#include "serve/http_private.h"

#include <string.h>

/* Copies the percent-decoded value (libmicrohttpd's decoder) into out;
 * false when it does not fit or decodes to a NUL. */
static bool take(const char *v, size_t n, char *out, size_t outlen)
{
	if (n >= outlen)
		return false;
	memcpy(out, v, n);
	out[n] = '\0';
	size_t len = MHD_http_unescape(out);
	return len == strlen(out);
}

bool serve_parse_form(const char *body, size_t len, char *question, size_t qlen, char *answer, size_t alen)
{
	bool have_q = false, have_a = false;
	const char *p = body, *end = body + len;
	if (memchr(body, '\0', len))
		return false;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p)), *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		if (!eq)
			return false;
		size_t klen = (size_t)(eq - p), vlen = (size_t)(stop - eq - 1);
		if (klen == 8 && !memcmp(p, "question", 8) && !have_q)
			have_q = take(eq + 1, vlen, question, qlen);
		else if (klen == 6 && !memcmp(p, "answer", 6) && !have_a)
			have_a = take(eq + 1, vlen, answer, alen);
		else
			return false;
		if ((klen == 8 && !have_q) || (klen == 6 && !have_a))
			return false;
		p = amp ? amp + 1 : end;
	}
	return have_q && have_a;
}
