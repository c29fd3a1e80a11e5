/*
 * text-threads.c — the engine's threads: eng_start, eng_wait, eng_each.
 *
 * Items of a batch (a table's cells, a timeline's labels) are set by
 * helper threads and by the main thread at once, in the order of their
 * numbers, while the main thread goes on placing those done.
 */
#include "text-imp.h"
#include "shape-imp.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

/* eng_start's helpers: each thread sets text with an engine of its own
 * (a PangoContext on a font map of its own over the same fontconfig
 * configuration, its own cache and hyphenation dictionary), since Pango
 * wants one font map per thread.  A batch's items are taken in order, a
 * few at a time, by the helpers and by the main thread when it waits for
 * one not yet taken; each is marked done when it has run.  The main
 * thread reads an item's layouts once eng_wait has seen it done, and
 * only through what the item computed (lines, their extents: cached in
 * the layout), so that it never touches a helper's fonts while that
 * helper sets the next items with them. */
typedef struct pool {
	int n; /* helpers (0: the main thread runs every item) */
	pthread_mutex_t lock;
	pthread_cond_t go, idle, progress, room;
	unsigned batch; /* incremented for each batch */
	unsigned wake;	/* incremented for each batch the helpers join */
	int busy;	/* helpers still in the current batch */
	int active;	/* a batch has begun and not been waited for whole */
	int quit;
	/* The current batch: items [0, count), taken CHUNK at a time. */
	eng_each_fn fn;
	void *ud;
	int count;
	atomic_int next;
	atomic_uchar *done; /* by item */
	int cap;
	atomic_int ready;    /* items [0, ready) seen done by the main thread */
	atomic_int room_wait; /* a helper waits for the main thread to catch up */
	atomic_int waiting;  /* the main thread waits for an item */
	int in_main;	     /* the main thread runs an item (nested: inline) */
	struct helper {
		struct pool *p;
		eng *e;
		pthread_t thread;
	} *h;
} pool;

/* Items are taken a few at a time: a cell costs from nothing (a month's
 * empty cell) to a paragraph.  The helpers go at most AHEAD items past
 * what the main thread has used (what they set waits in memory), and
 * once there, wait until it is half as far. */
enum { CHUNK = 4, MAX_THREADS = 8, AHEAD = 1024 };


/* Runs the items [i, end) with e, marking each done, and tells a main
 * thread waiting for one. */
static void run_items(pool *p, eng *e, int i, int end)
{
	for (; i < end; i++) {
		p->fn(e, i, p->ud);
		atomic_store(&p->done[i], 1);
	}
	if (atomic_load(&p->waiting)) {
		pthread_mutex_lock(&p->lock);
		pthread_cond_broadcast(&p->progress);
		pthread_mutex_unlock(&p->lock);
	}
}

/* Whether the helpers are AHEAD items past the main thread (or, with
 * half, still half as far). */
static int too_far(pool *p, int half)
{
	int next = atomic_load(&p->next);
	return next < p->count &&
	       next >= atomic_load(&p->ready) + (half ? AHEAD / 2 : AHEAD);
}

/* Takes the next CHUNK items and runs them; 0 when none are left.  A
 * helper (ahead) first waits while it is too far ahead. */
static int take(pool *p, eng *e, int ahead)
{
	if (ahead && too_far(p, 0)) {
		pthread_mutex_lock(&p->lock);
		/* Said before each look (the main thread clears it as it
		 * wakes every helper waiting), then looked again. */
		for (;;) {
			atomic_store(&p->room_wait, 1);
			if (!too_far(p, 1))
				break;
			pthread_cond_wait(&p->room, &p->lock);
		}
		pthread_mutex_unlock(&p->lock);
	}
	int i = atomic_fetch_add(&p->next, CHUNK);
	if (i >= p->count)
		return 0;
	run_items(p, e, i, i + CHUNK < p->count ? i + CHUNK : p->count);
	return 1;
}

static void *help(void *arg)
{
	struct helper *h = arg;
	pool *p = h->p;
	unsigned seen = 0;
	shape_cache_begin();
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->wake == seen && !p->quit)
			pthread_cond_wait(&p->go, &p->lock);
		if (p->quit)
			break;
		seen = p->wake;
		pthread_mutex_unlock(&p->lock);
		while (take(p, h->e, 1))
			;
		pthread_mutex_lock(&p->lock);
		if (--p->busy == 0)
			pthread_cond_signal(&p->idle);
	}
	pthread_mutex_unlock(&p->lock);
	shape_cache_end();
	return NULL;
}

/* The threads that set text: $PLANGEN_THREADS, else one a processor,
 * at most MAX_THREADS. */
static int threads_wanted(void)
{
	const char *env = getenv("PLANGEN_THREADS");
	long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

/* The pool of e's helpers, made when first wanted (without helpers
 * when there is one thread). */
static pool *pool_of(eng *e)
{
	if (e->pool)
		return e->pool;
	int n = threads_wanted() - 1;
	pool *p = calloc(1, sizeof *p);
	struct helper *h = calloc((size_t)(n > 0 ? n : 1), sizeof *h);
	if (!p || !h)
		pg_oom();
	p->h = h;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->go, NULL);
	pthread_cond_init(&p->idle, NULL);
	pthread_cond_init(&p->progress, NULL);
	pthread_cond_init(&p->room, NULL);
	/* The helpers take no signal: the main thread's handler removes
	 * the temporary output. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (int i = 0; i < n; i++) {
		h[p->n].p = p;
		h[p->n].e = eng_engine(e->fc);
		h[p->n].e->helper = 1;
		if (pthread_create(&h[p->n].thread, NULL, help, &h[p->n])) {
			eng_engine_free(h[p->n].e, 0);
			break; /* fewer helpers: the work is the same */
		}
		p->n++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	e->pool = p;
	return p;
}

/* The helpers' engines set text in e's language (the helpers idle). */
static void follow(pool *p, const eng *e)
{
	for (int i = 0; i < p->n; i++)
		eng_set_language(p->h[i].e, e->lang, NULL);
}

void eng_wait(eng *e, int ticket, int upto)
{
	pool *p = e->pool;
	if (!p || !p->active || (unsigned)ticket != p->batch)
		return; /* that batch has been waited for whole */
	if (upto > p->count)
		upto = p->count;
	if (upto <= atomic_load(&p->ready))
		return;
	/* Until item `ready` is done: the next items not taken yet are
	 * set here, in order, and only when there are none left is the
	 * helper that has it waited for (the core is never left idle for
	 * a helper's chunk). */
	int ready = atomic_load(&p->ready);
	while (ready < upto) {
		if (atomic_load(&p->done[ready])) {
			ready++;
			continue;
		}
		if (atomic_load(&p->next) < p->count) {
			p->in_main = 1;
			int took = take(p, e, 0);
			p->in_main = 0;
			if (took)
				continue;
		}
		pthread_mutex_lock(&p->lock);
		atomic_store(&p->waiting, 1);
		while (!atomic_load(&p->done[ready]))
			pthread_cond_wait(&p->progress, &p->lock);
		atomic_store(&p->waiting, 0);
		pthread_mutex_unlock(&p->lock);
	}
	atomic_store(&p->ready, ready);
	/* A helper waiting for room: wake it once it has half of it. */
	if (atomic_load(&p->room_wait) && !too_far(p, 1)) {
		pthread_mutex_lock(&p->lock);
		atomic_store(&p->room_wait, 0);
		pthread_cond_broadcast(&p->room);
		pthread_mutex_unlock(&p->lock);
	}
	if (ready < p->count)
		return;
	/* The whole batch: the helpers leave it. */
	pthread_mutex_lock(&p->lock);
	while (p->busy)
		pthread_cond_wait(&p->idle, &p->lock);
	p->active = 0;
	pthread_mutex_unlock(&p->lock);
}

int eng_start(eng *e, int n, eng_each_fn fn, void *ud)
{
	pool *p = e->helper ? NULL : pool_of(e);
	if (!p || p->in_main) {
		/* A helper's engine, or an item's inside a batch: here. */
		for (int i = 0; i < n; i++)
			fn(e, i, ud);
		return 0;
	}
	if (p->active)
		eng_wait(e, (int)p->batch, p->count);
	if (n > p->cap) {
		free(p->done);
		p->cap = n;
		p->done = malloc((size_t)n * sizeof *p->done);
		if (!p->done)
			pg_oom();
	}
	for (int i = 0; i < n; i++)
		atomic_init(&p->done[i], 0);
	follow(p, e); /* the helpers are idle */
	pthread_mutex_lock(&p->lock);
	p->fn = fn;
	p->ud = ud;
	p->count = n;
	atomic_store(&p->ready, 0);
	atomic_store(&p->next, 0);
	p->active = 1;
	p->batch++;
	/* A few items are not worth waking a helper for. */
	p->busy = n >= 2 * CHUNK ? p->n : 0;
	if (p->busy) {
		p->wake++;
		pthread_cond_broadcast(&p->go);
	}
	pthread_mutex_unlock(&p->lock);
	return (int)p->batch;
}

void eng_each(eng *e, int n, eng_each_fn fn, void *ud)
{
	eng_wait(e, eng_start(e, n, fn, ud), n);
}

void eng_threads_start(eng *e)
{
	if (!e->helper)
		follow(pool_of(e), e);
}

void eng_threads_free(eng *e)
{
	pool *p = e->pool;
	if (!p)
		return;
	if (p->active)
		eng_wait(e, (int)p->batch, p->count);
	pthread_mutex_lock(&p->lock);
	p->quit = 1;
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < p->n; i++) {
		pthread_join(p->h[i].thread, NULL);
		eng_engine_free(p->h[i].e, 0);
	}
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->go);
	pthread_cond_destroy(&p->idle);
	pthread_cond_destroy(&p->progress);
	pthread_cond_destroy(&p->room);
	free(p->done);
	free(p->h);
	free(p);
	e->pool = NULL;
}
