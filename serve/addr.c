/* The machine's LAN address (serve/addr.h). */
#include "serve/addr.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/* 2: a private LAN range, 1: another usable address, 0: not usable. */
static int rank(const struct ifaddrs *i)
{
	if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP) ||
	    (i->ifa_flags & IFF_LOOPBACK))
		return 0;
	unsigned long a = ntohl(((const struct sockaddr_in *)i->ifa_addr)->sin_addr.s_addr);
	if ((a >> 24) == 127 || (a >> 16) == 0xa9fe)        /* loopback, link-local */
		return 0;
	bool lan = (a >> 24) == 10 || (a >> 20) == 0xac1 || (a >> 16) == 0xc0a8;
	return lan ? 2 : 1;
}

bool addr_lan(char *addr, char *ifname, size_t ifnamelen)
{
	struct ifaddrs *all;
	if (getifaddrs(&all) != 0)
		return false;
	const struct ifaddrs *best = NULL;
	int best_rank = 0;
	for (const struct ifaddrs *i = all; i; i = i->ifa_next) {
		int r = rank(i);
		if (r > best_rank) {
			best = i;
			best_rank = r;
		}
	}
	if (best) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)best->ifa_addr)->sin_addr, addr, 16);
		snprintf(ifname, ifnamelen, "%s", best->ifa_name);
	}
	freeifaddrs(all);
	return best != NULL;
}
