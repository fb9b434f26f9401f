/* Texts: UTF-8 helpers shared by the loader, the TUI and the exporters. */
#ifndef PEIL_TEXT_H
#define PEIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when the code point must never reach a terminal or an export:
 * C0 controls other than newline and tab, DEL, C1 controls, and the
 * bidirectional embeddings, overrides and isolates. */
bool text_is_unsafe_codepoint(unsigned long cp);

/* Decodes one UTF-8 sequence at s (n bytes available). Returns its length
 * (1..4) and stores the code point, or returns 0 for an invalid sequence. */
size_t text_utf8_decode(const char *s, size_t n, unsigned long *cp);

/* Copies s (len bytes) into out (room for len*3+1 bytes: every byte may
 * become U+FFFD), replacing unsafe code points and invalid bytes by U+FFFD.
 * Returns the new length; *replaced tells whether anything changed. */
size_t text_sanitize(const char *s, size_t len, char *out, bool *replaced);

/* True when text_sanitize() would copy s unchanged. */
bool text_is_safe(const char *s, size_t len);

/* Number of terminal columns of a UTF-8 string is left to the TUI (wcwidth);
 * this counts code points, which is what exports need. */
size_t text_codepoints(const char *s);

#endif
