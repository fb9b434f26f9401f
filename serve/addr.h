/* Which address the phones should use: the machine's LAN address when
 * the server listens on all interfaces. */
#ifndef PEIL_SERVE_ADDR_H
#define PEIL_SERVE_ADDR_H

#include <stdbool.h>
#include <stddef.h>

/* The IPv4 address of an interface that is up, not loopback, preferring
 * the private ranges (10/8, 172.16/12, 192.168/16), into addr[16], and
 * the interface's name into ifname[ifnamelen]. False when there is none. */
bool addr_lan(char *addr, char *ifname, size_t ifnamelen);

#endif
