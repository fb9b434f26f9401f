#include "core/text.h"

#include <string.h>

bool text_is_unsafe_codepoint(unsigned long cp)
{
	if (cp == '\n' || cp == '\t')
		return false;
	if (cp < 0x20 || cp == 0x7f)
		return true;
	if (cp >= 0x80 && cp <= 0x9f)
		return true;
	if (cp >= 0x202a && cp <= 0x202e)       /* LRE RLE PDF LRO RLO */
		return true;
	if (cp >= 0x2066 && cp <= 0x2069)       /* LRI RLI FSI PDI */
		return true;
	return false;
}

size_t text_utf8_decode(const char *str, size_t n, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	unsigned long c, min;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2; c = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3; c = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Bytes that stand for themselves: printable ASCII and newline. */
static const unsigned char plain_byte[256] = {
	['\n'] = 1,
	[' '] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,        /* up to '~' */
};

bool text_is_safe(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (plain_byte[u[i]]) {
			i++;
			continue;
		}
		unsigned long cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0 || text_is_unsafe_codepoint(cp))
			return false;
		i += n;
	}
	return true;
}

size_t text_sanitize(const char *s, size_t len, char *out, bool *replaced)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t o = 0;
	bool changed = false;
	for (size_t i = 0; i < len;) {
		/* Printable ASCII, most of any text, is copied without decoding. */
		unsigned char c = (unsigned char)s[i];
		if ((c >= 0x20 && c < 0x7f) || c == '\n') {
			out[o++] = (char)c;
			i++;
			continue;
		}
		unsigned long cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0 || text_is_unsafe_codepoint(cp)) {
			memcpy(out + o, fffd, 3);
			o += 3;
			i += n ? n : 1;
			changed = true;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
		}
	}
	out[o] = '\0';
	if (replaced)
		*replaced = changed;
	return o;
}

size_t text_codepoints(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}
