/* Request rates (serve/limit.h). */
#include "serve/limit.h"

#include <stdint.h>

bool bucket_take(struct bucket *b, double burst, double rate, double now)
{
	if (b->at == 0) {
		b->tokens = burst;
		b->at = now;
	}
	b->tokens += (now - b->at) * rate;
	if (b->tokens > burst)
		b->tokens = burst;
	b->at = now;
	if (b->tokens < 1)
		return false;
	b->tokens -= 1;
	return true;
}

struct bucket *limit_for_addr(struct addr_limits *l, const void *addr, size_t len)
{
	uint64_t h = 1469598103934665603ULL;    /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ ((const unsigned char *)addr)[i]) * 1099511628211ULL;
	return &l->b[h % LIMIT_ADDRS];
}
