/*
 * A real Kafka-protocol broker for rxbgp's tests and benchmarks (issue 6): librdkafka's mock cluster
 * (rdkafka_mock.h, Debian librdkafka-dev). No Kafka broker can be installed here, but the mock is a
 * genuine Kafka wire-protocol TCP server (Produce, Fetch, Metadata, consumer groups, offsets) that
 * kafkajs talks to unchanged. bench/daemons/kafka-mock.ts builds and drives this program (the
 * interop tests reach it through spec/interop/kafka/mock-cluster.ts).
 *
 * Usage: kafka-mock [--brokers N] [--port FIRST_PORT]
 *   --brokers N       brokers in the cluster, ids 1..N (default 1)
 *   --port FIRST_PORT broker i listens on FIRST_PORT+i-1 instead of a kernel-chosen port, so a
 *                     broker stopped and started again keeps its address (default: any free port)
 *
 * stdout: first line, the bootstrap servers ("127.0.0.1:P1,127.0.0.1:P2"); then one line per command.
 * stdin: one command per line, each answered by exactly one line, "ok" or "error <reason>":
 *   down [BROKER_ID]                    close the listener and every connection (all brokers if no id);
 *                                       clients get "connection refused" until "up"; data is kept
 *   up [BROKER_ID]                      listen again, on the same port
 *   topic NAME PARTITIONS [REPLICATION] create a topic (CreateTopics is not served by the mock)
 * Ends on end of stdin (so it never outlives the process that started it), SIGTERM or SIGINT:
 * destroys the cluster and exits 0. Every listener is on 127.0.0.1 (the mock binds INADDR_LOOPBACK).
 */
#define _GNU_SOURCE
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_BROKERS 16
#define MAX_PARTITIONS 1000
#define MAX_LINE 512
/* Kafka's own limit on topic names. */
#define MAX_TOPIC_NAME 249

/* Next fixed port to hand out, or 0 to let the kernel choose (librdkafka's own behaviour). */
static int next_fixed_port = 0;

/*
 * librdkafka 2.0.2 offers no way to choose a mock broker's port: each broker binds 127.0.0.1:0.
 * This program defines bind() itself, and an executable's definitions come first in symbol
 * lookup, so librdkafka's bind() calls land here. While the cluster is being created, a loopback
 * bind to port 0 gets the next fixed port instead; every other bind passes through unchanged
 * (librdkafka's "down" re-binds with the port it already has, which keeps its address).
 */
int bind(int fd, const struct sockaddr *addr, socklen_t len) {
        static int (*libc_bind)(int, const struct sockaddr *, socklen_t);
        struct sockaddr_in sin;

        if (!libc_bind) {
                libc_bind = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");
                if (!libc_bind) {
                        errno = ENOSYS;
                        return -1;
                }
        }
        if (next_fixed_port && addr->sa_family == AF_INET && len >= (socklen_t)sizeof(sin)) {
                memcpy(&sin, addr, sizeof(sin));
                if (sin.sin_port == 0 && sin.sin_addr.s_addr == htonl(INADDR_LOOPBACK)) {
                        sin.sin_port = htons((uint16_t)next_fixed_port++);
                        return libc_bind(fd, (const struct sockaddr *)&sin, sizeof(sin));
                }
        }
        return libc_bind(fd, addr, len);
}

/* One reply line per command; the driver pairs replies with commands by order. */
static void reply(const char *fmt, ...) {
        va_list ap;
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        putchar('\n');
        fflush(stdout);
}

/* Parses a whole decimal number in [min, max]; returns 0 when `text` is not one. */
static int parse_int(const char *text, long min, long max, long *out) {
        char *end;
        long value;

        if (!text || !*text)
                return 0;
        errno = 0;
        value = strtol(text, &end, 10);
        if (errno || *end || value < min || value > max)
                return 0;
        *out = value;
        return 1;
}

/* Kafka's legal topic characters: ASCII letters, digits, '.', '_' and '-'. */
static int valid_topic_name(const char *name) {
        size_t len = strlen(name);

        if (len == 0 || len > MAX_TOPIC_NAME || !strcmp(name, ".") || !strcmp(name, ".."))
                return 0;
        for (const char *c = name; *c; c++) {
                if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                      *c == '.' || *c == '_' || *c == '-'))
                        return 0;
        }
        return 1;
}

/* Broker id argument of down/up: absent means every broker (-1 in rdkafka_mock.h). */
static int parse_broker_id(const char *text, int brokers, int32_t *id) {
        long value;

        if (!text) {
                *id = -1;
                return 1;
        }
        if (!parse_int(text, 1, brokers, &value))
                return 0;
        *id = (int32_t)value;
        return 1;
}

static void run_command(rd_kafka_mock_cluster_t *cluster, int brokers, char *line) {
        char *save = NULL;
        char *verb = strtok_r(line, " \t\r", &save);
        char *arg1 = verb ? strtok_r(NULL, " \t\r", &save) : NULL;
        char *arg2 = arg1 ? strtok_r(NULL, " \t\r", &save) : NULL;
        char *arg3 = arg2 ? strtok_r(NULL, " \t\r", &save) : NULL;
        char *extra = arg3 ? strtok_r(NULL, " \t\r", &save) : NULL;
        rd_kafka_resp_err_t err;

        if (!verb) {
                reply("error empty command");
                return;
        }
        if (!strcmp(verb, "down") || !strcmp(verb, "up")) {
                int32_t id;
                if (arg2 || !parse_broker_id(arg1, brokers, &id)) {
                        reply("error usage: %s [BROKER_ID 1..%d]", verb, brokers);
                        return;
                }
                /* Both calls wait for the mock's own thread to apply them, so "ok" means done. */
                err = !strcmp(verb, "down") ? rd_kafka_mock_broker_set_down(cluster, id)
                                            : rd_kafka_mock_broker_set_up(cluster, id);
        } else if (!strcmp(verb, "topic")) {
                long partitions, replication = 1;
                if (extra || !arg1 || !valid_topic_name(arg1) || !parse_int(arg2, 1, MAX_PARTITIONS, &partitions) ||
                    (arg3 && !parse_int(arg3, 1, brokers, &replication))) {
                        reply("error usage: topic NAME PARTITIONS(1..%d) [REPLICATION(1..%d)]", MAX_PARTITIONS,
                              brokers);
                        return;
                }
                err = rd_kafka_mock_topic_create(cluster, arg1, (int)partitions, (int)replication);
        } else {
                reply("error unknown command: %s", verb);
                return;
        }
        if (err)
                reply("error %s", rd_kafka_err2str(err));
        else
                reply("ok");
}

static int usage(const char *program) {
        fprintf(stderr, "usage: %s [--brokers 1..%d] [--port FIRST_PORT]\n", program, MAX_BROKERS);
        return 2;
}

int main(int argc, char **argv) {
        long brokers = 1, first_port = 0;
        char errstr[512];
        char expected[MAX_BROKERS * 24] = "";
        char line[MAX_LINE];
        size_t used = 0;
        int discarding = 0; /* inside an over-long line, skipping to its end */
        sigset_t stop_signals;
        int signal_fd;

        for (int i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "--brokers") && i + 1 < argc) {
                        if (!parse_int(argv[++i], 1, MAX_BROKERS, &brokers))
                                return usage(argv[0]);
                } else if (!strcmp(argv[i], "--port") && i + 1 < argc) {
                        if (!parse_int(argv[++i], 1024, 65535, &first_port))
                                return usage(argv[0]);
                } else {
                        return usage(argv[0]);
                }
        }
        if (first_port && first_port + brokers - 1 > 65535)
                return usage(argv[0]);

        /* Blocked before librdkafka starts its threads, which inherit the mask: the signals then
         * reach only the signalfd polled below, never an arbitrary thread. */
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGTERM);
        sigaddset(&stop_signals, SIGINT);
        if (sigprocmask(SIG_BLOCK, &stop_signals, NULL) == -1 ||
            (signal_fd = signalfd(-1, &stop_signals, SFD_CLOEXEC)) == -1) {
                perror("kafka-mock: signalfd");
                return 1;
        }
        /* A closed stdout (the driver died) must end us through a write error, not SIGPIPE. */
        signal(SIGPIPE, SIG_IGN);

        /* The mock needs an rd_kafka_t for its bookkeeping; this one never connects anywhere. */
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        /* Warnings and worse only: its notice that it has no bootstrap.servers is expected. */
        if (rd_kafka_conf_set(conf, "log_level", "4", errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "kafka-mock: log_level: %s\n", errstr);
                return 1;
        }
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "kafka-mock: rd_kafka_new: %s\n", errstr);
                return 1;
        }

        next_fixed_port = (int)first_port;
        rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(rk, (int)brokers);
        next_fixed_port = 0;
        if (!cluster) {
                fprintf(stderr, "kafka-mock: rd_kafka_mock_cluster_new failed (port in use?)\n");
                rd_kafka_destroy(rk);
                return 1;
        }
        const char *bootstrap = rd_kafka_mock_cluster_bootstraps(cluster);
        if (first_port) {
                /* Fail loudly if the bind() interposition did not take (e.g. another linker). */
                for (long i = 0; i < brokers; i++) {
                        size_t at = strlen(expected);
                        snprintf(expected + at, sizeof(expected) - at, "%s127.0.0.1:%ld", i ? "," : "",
                                 first_port + i);
                }
                if (strcmp(bootstrap, expected)) {
                        fprintf(stderr, "kafka-mock: wanted %s, librdkafka listens on %s\n", expected, bootstrap);
                        rd_kafka_mock_cluster_destroy(cluster);
                        rd_kafka_destroy(rk);
                        return 1;
                }
        }
        reply("%s", bootstrap);

        for (;;) {
                struct pollfd fds[2] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = signal_fd, .events = POLLIN}};
                if (poll(fds, 2, -1) == -1) {
                        if (errno == EINTR)
                                continue;
                        perror("kafka-mock: poll");
                        break;
                }
                if (fds[1].revents)
                        break; /* SIGTERM or SIGINT */
                if (!fds[0].revents)
                        continue;
                ssize_t n = read(STDIN_FILENO, line + used, sizeof(line) - 1 - used);
                if (n == -1 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break; /* end of stdin: our driver is gone or done */
                used += (size_t)n;
                char *start = line, *newline;
                while ((newline = memchr(start, '\n', used - (size_t)(start - line)))) {
                        *newline = '\0';
                        if (discarding)
                                discarding = 0;
                        else
                                run_command(cluster, (int)brokers, start);
                        start = newline + 1;
                }
                used -= (size_t)(start - line);
                memmove(line, start, used);
                if (used == sizeof(line) - 1) {
                        if (!discarding)
                                reply("error line too long");
                        discarding = 1;
                        used = 0;
                }
                if (ferror(stdout))
                        break;
        }

        rd_kafka_mock_cluster_destroy(cluster);
        rd_kafka_destroy(rk);
        return 0;
}
