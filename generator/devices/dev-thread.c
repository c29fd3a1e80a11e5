/*
 * dev-thread.c — a device that plays pages in a thread of its own.
 *
 * Layout and output take about the same time per page, and the machines
 * have two cores: while the layout sets page n+1, the device writes page n.
 * Pages are copied into a queue of a few (memory stays flat); the inner
 * device sees them in order, in the one thread.  A page the inner device
 * fails on makes every later call fail; close() waits for the queue to
 * drain, then closes the inner device.  The display list holds glyphs
 * as cairo fonts and positions, and its header (display.h) names no
 * Pango type (the layout's record.h does): the thread touches only
 * cairo, which is thread-safe, never Pango, which is not.
 */
#include <pthread.h>
#include <stdlib.h>

#include "../base/arena.h"
#include "device.h"

/* Each side sleeps until the other has done half a queue: a page at a
 * time, a busy machine's wake-up delays would cost more than the work.
 * Four pages: the PDF device now writes a page in a fraction of the time
 * the layout takes to set it, and each page queued keeps its glyphs
 * (16 held 10 MB more on the 360-page synthetic booklet). */
enum { QUEUE = 4, BATCH = QUEUE / 2 };

typedef struct threaded {
	device dev;
	device *inner;
	pthread_t thread;
	int running;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	dl_page *q[QUEUE];
	int head, count;
	int ending; /* no more pages: the thread ends once the queue is empty */
	int failed;
} threaded;

static void *run(void *arg)
{
	threaded *t = arg;
	int batch = 0; /* pages to take before waiting for more */
	for (;;) {
		pthread_mutex_lock(&t->lock);
		if (!batch) {
			while (t->count < BATCH && !t->ending)
				pthread_cond_wait(&t->changed, &t->lock);
			batch = t->count;
		}
		if (!t->count) {
			pthread_mutex_unlock(&t->lock);
			return NULL;
		}
		dl_page *p = t->q[t->head];
		t->head = (t->head + 1) % QUEUE;
		t->count--;
		batch--;
		int failed = t->failed;
		if (t->count == BATCH)
			pthread_cond_broadcast(&t->changed);
		pthread_mutex_unlock(&t->lock);
		if (!failed && t->inner->page(t->inner, p) != 0) {
			pthread_mutex_lock(&t->lock);
			t->failed = 1;
			pthread_mutex_unlock(&t->lock);
		}
		dl_page_free(p);
	}
}

static int th_page(device *dev, const dl_page *p)
{
	threaded *t = (threaded *)dev;
	dl_page *c = dl_page_copy(p);
	pthread_mutex_lock(&t->lock);
	if (t->count == QUEUE)
		while (t->count > BATCH)
			pthread_cond_wait(&t->changed, &t->lock);
	int failed = t->failed;
	if (!failed) {
		t->q[(t->head + t->count) % QUEUE] = c;
		t->count++;
		if (t->count == BATCH)
			pthread_cond_broadcast(&t->changed);
	}
	pthread_mutex_unlock(&t->lock);
	if (failed)
		dl_page_free(c);
	return failed ? -1 : 0;
}

/* Lets the thread finish what is queued, and waits for it. */
static void drain(threaded *t)
{
	if (!t->running)
		return;
	pthread_mutex_lock(&t->lock);
	t->ending = 1;
	pthread_cond_broadcast(&t->changed);
	pthread_mutex_unlock(&t->lock);
	pthread_join(t->thread, NULL);
	t->running = 0;
}

static int th_close(device *dev)
{
	threaded *t = (threaded *)dev;
	drain(t);
	int r = t->inner->close(t->inner);
	return t->failed ? -1 : r;
}

static void th_free(device *dev)
{
	threaded *t = (threaded *)dev;
	drain(t);
	t->inner->free(t->inner);
	pthread_mutex_destroy(&t->lock);
	pthread_cond_destroy(&t->changed);
	free(t);
}

device *dev_thread_new(device *inner)
{
	if (!inner)
		return NULL;
	threaded *t = calloc(1, sizeof *t);
	if (!t)
		pg_oom();
	t->dev = (device){ th_page, th_close, th_free };
	t->inner = inner;
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->changed, NULL);
	/* Without a thread, the pages are played where they come from. */
	t->running = pthread_create(&t->thread, NULL, run, t) == 0;
	if (!t->running) {
		pthread_mutex_destroy(&t->lock);
		pthread_cond_destroy(&t->changed);
		free(t);
		return inner;
	}
	return &t->dev;
}
