/* Request rates: token buckets, per seat and per client address. Used
 * only on the server's one polling thread: no lock. */
#ifndef PEIL_SERVE_LIMIT_H
#define PEIL_SERVE_LIMIT_H

#include <stdbool.h>
#include <stddef.h>

struct bucket {
	double tokens, at;
};

/* Takes one token from b (full at first: `burst`), refilled at `rate` per
 * second; false when it is empty. now: room_clock(). */
bool bucket_take(struct bucket *b, double burst, double rate, double now);

/* Buckets for client addresses: a fixed table, so that a flood of
 * addresses costs no memory (an address may share a bucket). */
enum { LIMIT_ADDRS = 1024 };
struct addr_limits {
	struct bucket b[LIMIT_ADDRS];
};
struct bucket *limit_for_addr(struct addr_limits *l, const void *addr, size_t len);

#endif
