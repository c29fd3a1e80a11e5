/*
 * check.h — the unit tests' one assertion: counts, and prints where a
 * check failed without stopping the test.
 */
#ifndef PG_TEST_CHECK_H
#define PG_TEST_CHECK_H

#include <stdio.h>

static int failures, checks;

#define CHECK(cond)                                                        \
	do {                                                               \
		checks++;                                                  \
		if (!(cond)) {                                             \
			failures++;                                        \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n",       \
				__FILE__, __LINE__, #cond);                \
		}                                                          \
	} while (0)

#endif
