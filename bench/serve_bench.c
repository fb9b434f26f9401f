/* make bench: 300 simulated phones vote at once on loopback.
 *
 * Two servers, each in its own child process (so that each one's peak
 * memory is its own), measured the same way in the same run:
 *   peil    serve/ with its room and an owner thread that saves the
 *           session file (fsync'd, atomic) before a vote is acknowledged;
 *   floor   a libmicrohttpd daemon whose handler answers at once and does
 *           nothing (the same threading mode).
 * Each phone joins (GET), then all vote together (POST); the round trip
 * of the vote is timed from send to the status line. Prints the median
 * and 99th percentile, how many were counted, and the peak RSS.
 *   serve_bench QUESTIONNAIRE [PHONES] */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "serve/http.h"
#include "serve/room.h"

static int port;
static char base[64];
static pthread_barrier_t start;

struct phone {
	char cookie[40];
	double ms;
	int status;
};

static int ask(const char *req, char *reply, size_t rlen)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	struct timeval tv = { 20, 0 };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return 0;
	}
	send(fd, req, strlen(req), MSG_NOSIGNAL);
	ssize_t n = recv(fd, reply, rlen - 1, 0);
	reply[n > 0 ? n : 0] = '\0';
	close(fd);
	int status = 0;
	sscanf(reply, "HTTP/1.%*d %d", &status);
	return status;
}

static void *phone(void *arg)
{
	struct phone *p = arg;
	char req[512], reply[4096];
	snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", base);
	ask(req, reply, sizeof reply);
	const char *c = strstr(reply, "peil_seat=");
	snprintf(p->cookie, sizeof p->cookie, "%.32s", c ? c + 10 : "none");
	snprintf(req, sizeof req,
	         "POST %svote HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: peil_seat=%s\r\n"
	         "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 39\r\n\r\n"
	         "question=services.online-loans&answer=3",
	         base, p->cookie);
	pthread_barrier_wait(&start);
	double t0 = room_clock();
	p->status = ask(req, reply, sizeof reply);
	p->ms = (room_clock() - t0) * 1000;
	return NULL;
}

static int by_ms(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Runs n phones; prints "median p99 counted". */
static void phones(int n, int counted_status)
{
	pthread_t *th = calloc((size_t)n, sizeof *th);
	struct phone *ph = calloc((size_t)n, sizeof *ph);
	double *ms = calloc((size_t)n, sizeof *ms);
	pthread_barrier_init(&start, NULL, (unsigned)n);
	for (int i = 0; i < n; i++)
		pthread_create(&th[i], NULL, phone, &ph[i]);
	int ok = 0;
	for (int i = 0; i < n; i++) {
		pthread_join(th[i], NULL);
		ms[i] = ph[i].ms;
		ok += ph[i].status == counted_status;
	}
	qsort(ms, (size_t)n, sizeof *ms, by_ms);
	printf("%.2f %.2f %d\n", ms[n / 2], ms[(n * 99) / 100 - (n >= 100)], ok);
	free(th), free(ph), free(ms);
}

static enum MHD_Result nothing(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	static const char body[] = "ok\n";
	(void)cls, (void)url, (void)method, (void)version, (void)upload;
	if (!*con_cls) {
		*con_cls = c;
		return MHD_YES;
	}
	if (*upload_size) {
		*upload_size = 0;
		return MHD_YES;
	}
	struct MHD_Response *r = MHD_create_response_from_buffer(sizeof body - 1, (void *)body, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "Set-Cookie", "peil_seat=00000000000000000000000000000000");
	enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}

static void floor_server(int n)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME,
	                                        0, NULL, NULL, nothing, NULL, MHD_OPTION_SOCK_ADDR, &sa,
	                                        MHD_OPTION_CONNECTION_LIMIT, (unsigned)(2 * n + 64), MHD_OPTION_END);
	port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port;
	snprintf(base, sizeof base, "/x/");
	phones(n, 200);
	MHD_stop_daemon(d);
}

struct owner {
	struct room *room;
	struct response *r;
	const char *path;
	atomic_bool stop;
};

static void *own(void *arg)
{
	struct owner *o = arg;
	char err[256];
	while (!atomic_load(&o->stop)) {
		struct pollfd p = { .fd = room_wake_fd(o->room), .events = POLLIN };
		if (poll(&p, 1, 50) <= 0)
			continue;
		room_clear_wake(o->room);
		unsigned long gen;
		bool ok = true;
		if (room_apply(o->room, o->r, &gen))
			ok = response_save(o->r, o->path, err, sizeof err);
		room_saved(o->room, gen, ok);
	}
	return NULL;
}

static int peil_server(const char *qpath, int n)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(qpath, d);
	if (!q)
		return 1;
	char dir[] = "/tmp/peil-bench-XXXXXX", path[64], err[256];
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/session.yaml", dir);
	struct owner o = { .room = room_new(q, n, n), .r = response_new(q, "Bench"), .path = path };
	room_follow(o.room, o.r, 0);
	struct serve_options so = { .host = "127.0.0.1", .lang = "en" };
	struct serve *sv = serve_start(o.room, q, &so, err, sizeof err);
	if (!sv) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	port = serve_port(sv);
	snprintf(base, sizeof base, "%s", strstr(serve_url(sv) + 8, "/"));
	pthread_t th;
	pthread_create(&th, NULL, own, &o);
	phones(n, 303);
	atomic_store(&o.stop, true);
	pthread_join(th, NULL);
	serve_stop(sv);
	struct room_view v;
	room_view(o.room, -1, &v);
	unlink(path);
	rmdir(dir);
	room_free(o.room);
	response_free(o.r);
	questionnaire_free(q);
	diag_list_free(d);
	return v.voted == n ? 0 : 2;
}

/* One child per server: its output line and its peak RSS in MiB. */
static void measure(const char *name, const char *qpath, int n)
{
	int fds[2];
	if (pipe(fds) != 0)
		return;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		int rc = 0;
		if (!strcmp(name, "floor"))
			floor_server(n);
		else
			rc = peil_server(qpath, n);
		fflush(stdout);
		_exit(rc);
	}
	close(fds[1]);
	char line[128] = "";
	ssize_t got = read(fds[0], line, sizeof line - 1);
	line[got > 0 ? got : 0] = '\0';
	close(fds[0]);
	int st;
	struct rusage ru;
	wait4(pid, &st, 0, &ru);
	double med = 0, p99 = 0;
	int ok = 0;
	sscanf(line, "%lf %lf %d", &med, &p99, &ok);
	printf("  %-44s %9.2f %9.2f %8d/%d %9.1f\n", name, med, p99, ok, n, ru.ru_maxrss / 1024.0);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	int n = argc > 2 ? atoi(argv[2]) : 300;
	struct rlimit rl = { 4096, 4096 };
	setrlimit(RLIMIT_NOFILE, &rl);
	printf("\nVoting from phones: %d phones vote at once on loopback (vote round trip, ms)\n", n);
	printf("  %-44s %9s %9s %10s %9s\n", "", "median", "p99", "counted", "peak MiB");
	measure("floor", argv[1], n);
	measure("peil", argv[1], n);
	printf("  (floor: libmicrohttpd with a do-nothing handler; peil: the vote saved to the session file\n"
	       "   with fsync before it is acknowledged, several votes per save; peak memory includes the\n"
	       "   300 client threads, the same in both)\n");
	return 0;
}
