/*
 * The XML baseline of scripts/bench.sh: the hallrate job over a `hallrate-gen bench --format xml` file in
 * plain C with libxml2's SAX2 push parser (64 KiB at a time, like hallrate's reader), for the target
 * "hallrate on XML within 1.2x of a C SAX2 program".
 *
 *   sax2_baseline REGISTRY.csv EXPORT.xml OUT.csv
 *
 * Reads each <办件 流水号="…"> record's <大厅>, <渠道>, <受理时间>, <状态> and <更新时间>; deduplicates by
 * 流水号 (latest 更新时间, then the record read last); drops 撤件; counts per hall and month the total and
 * the online (网上申报 or 移动端) records; ranks within (tier, month) among halls with total >= 30
 * (competition ranks by online/total descending, compared exactly); writes hall_code,period,total,online,rank
 * sorted by hall_code, period — the format of bench_duckdb.py's result.
 *
 * What it does not do, and hallrate does: validation and rejects, other layouts and date formats (the month is
 * the first 7 characters of 受理时间 and 更新时间 values are compared as text, which holds for the generator's
 * fixed +08:00 offset), namespaces beyond element local names, a store, and every other output.
 * Build: cc -O2 -o sax2_baseline sax2_baseline.c $(pkg-config --cflags --libs libxml-2.0)
 */
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HALLS 100000
#define MAX_MONTHS 2400 /* 200 years of months from year 1900 */
#define MIN_VOLUME 30

static void die(const char *what) { fprintf(stderr, "sax2_baseline: %s\n", what); exit(1); }

/* ---- registry: hall code -> index, tier ------------------------------------------------------------- */
static char *hall_code[MAX_HALLS];
static int hall_tier[MAX_HALLS];
static int hall_count;
static int *hall_slots; /* open addressing over hall_code, size hall_cap */
static size_t hall_cap;

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h;
}

static int hall_find(const char *s, size_t n) {
    for (size_t i = hash_bytes(s, n) & (hall_cap - 1);; i = (i + 1) & (hall_cap - 1)) {
        int h = hall_slots[i];
        if (h < 0) return -1;
        if (strlen(hall_code[h]) == n && memcmp(hall_code[h], s, n) == 0) return h;
    }
}

static void read_registry(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open the registry");
    char line[4096];
    if (!fgets(line, sizeof line, f)) die("empty registry");
    hall_cap = 1;
    while (hall_cap < 2 * MAX_HALLS) hall_cap <<= 1;
    hall_slots = malloc(hall_cap * sizeof *hall_slots);
    memset(hall_slots, 0xff, hall_cap * sizeof *hall_slots);
    while (fgets(line, sizeof line, f)) {
        /* hall_code,hall_name,tier,parent_code: the generator's registry quotes nothing */
        char *code = strtok(line, ","), *name = strtok(NULL, ","), *tier = strtok(NULL, ",\r\n");
        if (!code || !name || !tier || hall_count == MAX_HALLS) die("bad registry line");
        int t = strcmp(tier, "district") == 0 ? 0 : strcmp(tier, "township") == 0 ? 1 : 2;
        hall_code[hall_count] = strdup(code);
        hall_tier[hall_count] = t;
        size_t i = hash_bytes(code, strlen(code)) & (hall_cap - 1);
        while (hall_slots[i] >= 0) i = (i + 1) & (hall_cap - 1);
        hall_slots[i] = hall_count++;
    }
    fclose(f);
}

/* ---- winners: 流水号 -> compact record, open addressing ----------------------------------------------- */
typedef struct {
    char *id;         /* NULL: empty slot */
    char updated[32]; /* 更新时间 as text */
    int32_t hall, month;
    uint8_t online, withdrawn;
} Winner;
static Winner *winners;
static size_t winner_cap, winner_count;

static void winners_grow(void) {
    size_t old_cap = winner_cap;
    Winner *old = winners;
    winner_cap = old_cap ? old_cap * 2 : 1 << 16;
    winners = calloc(winner_cap, sizeof *winners);
    if (!winners) die("out of memory");
    for (size_t j = 0; j < old_cap; j++) {
        if (!old[j].id) continue;
        size_t i = hash_bytes(old[j].id, strlen(old[j].id)) & (winner_cap - 1);
        while (winners[i].id) i = (i + 1) & (winner_cap - 1);
        winners[i] = old[j];
    }
    free(old);
}

static void add_winner(const Winner *w) {
    if (2 * (winner_count + 1) > winner_cap) winners_grow();
    size_t n = strlen(w->id);
    for (size_t i = hash_bytes(w->id, n) & (winner_cap - 1);; i = (i + 1) & (winner_cap - 1)) {
        Winner *slot = &winners[i];
        if (!slot->id) {
            *slot = *w;
            slot->id = strdup(w->id);
            winner_count++;
            return;
        }
        if (strcmp(slot->id, w->id) == 0) {
            /* a later row wins unless both carry 更新时间 and the kept one's is later */
            if (slot->updated[0] && w->updated[0] && strcmp(slot->updated, w->updated) > 0) return;
            char *id = slot->id;
            *slot = *w;
            slot->id = id;
            return;
        }
    }
}

/* ---- SAX2 handlers ---------------------------------------------------------------------------------- */
enum { F_NONE, F_HALL, F_CHANNEL, F_ACCEPTED, F_STATUS, F_UPDATED };
typedef struct {
    int in_record, field;
    char text[6][256];
    size_t len[6];
    char id[128];
    long records, bad;
} State;

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                     const xmlChar **ns, int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    (void)prefix; (void)uri; (void)nb_ns; (void)ns; (void)nb_defaulted;
    State *s = ctx;
    const char *name = (const char *)local;
    if (strcmp(name, "办件") == 0) {
        s->in_record = 1;
        s->field = F_NONE;
        memset(s->len, 0, sizeof s->len);
        s->id[0] = 0;
        for (int i = 0; i < nb_attributes; i++) {
            const xmlChar **a = attributes + 5 * i; /* localname, prefix, URI, value, end */
            if (strcmp((const char *)a[0], "流水号") == 0) {
                size_t n = (size_t)(a[4] - a[3]);
                if (n >= sizeof s->id) n = sizeof s->id - 1;
                memcpy(s->id, a[3], n);
                s->id[n] = 0;
            }
        }
        return;
    }
    if (!s->in_record) return;
    s->field = strcmp(name, "大厅") == 0 ? F_HALL : strcmp(name, "渠道") == 0 ? F_CHANNEL
             : strcmp(name, "受理时间") == 0 ? F_ACCEPTED : strcmp(name, "状态") == 0 ? F_STATUS
             : strcmp(name, "更新时间") == 0 ? F_UPDATED : F_NONE;
}

static void on_characters(void *ctx, const xmlChar *ch, int len) {
    State *s = ctx;
    if (!s->in_record || s->field == F_NONE) return;
    size_t room = sizeof s->text[0] - 1 - s->len[s->field];
    size_t n = (size_t)len < room ? (size_t)len : room;
    memcpy(s->text[s->field] + s->len[s->field], ch, n);
    s->len[s->field] += n;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    State *s = ctx;
    if (!s->in_record) return;
    if (strcmp((const char *)local, "办件") != 0) { s->field = F_NONE; return; }
    s->in_record = 0;
    s->records++;
    for (int f = F_HALL; f <= F_UPDATED; f++) s->text[f][s->len[f]] = 0;
    Winner w = {0};
    w.hall = hall_find(s->text[F_HALL], s->len[F_HALL]);
    const char *acc = s->text[F_ACCEPTED];
    if (!s->id[0] || w.hall < 0 || s->len[F_ACCEPTED] < 7 || !s->len[F_CHANNEL] || !s->len[F_STATUS]) {
        s->bad++;
        return;
    }
    w.month = (atoi(acc) - 1900) * 12 + atoi(acc + 5) - 1;
    if (w.month < 0 || w.month >= MAX_MONTHS) { s->bad++; return; }
    w.online = strcmp(s->text[F_CHANNEL], "网上申报") == 0 || strcmp(s->text[F_CHANNEL], "移动端") == 0;
    w.withdrawn = strcmp(s->text[F_STATUS], "撤件") == 0;
    size_t u = s->len[F_UPDATED] < sizeof w.updated - 1 ? s->len[F_UPDATED] : sizeof w.updated - 1;
    memcpy(w.updated, s->text[F_UPDATED], u);
    w.updated[u] = 0;
    w.id = s->id;
    add_winner(&w);
}

/* ---- aggregation and ranks -------------------------------------------------------------------------- */
typedef struct { int hall, month, total, online, rank; } Cell;

static int by_tier_month_ratio(const void *pa, const void *pb) {
    const Cell *a = pa, *b = pb;
    if (hall_tier[a->hall] != hall_tier[b->hall]) return hall_tier[a->hall] - hall_tier[b->hall];
    if (a->month != b->month) return a->month - b->month;
    int64_t l = (int64_t)a->online * b->total, r = (int64_t)b->online * a->total; /* ratio descending */
    return l > r ? -1 : l < r ? 1 : 0;
}

static int by_hall_month(const void *pa, const void *pb) {
    const Cell *a = pa, *b = pb;
    int c = strcmp(hall_code[a->hall], hall_code[b->hall]);
    return c ? c : a->month - b->month;
}

int main(int argc, char **argv) {
    if (argc != 4) die("usage: sax2_baseline REGISTRY.csv EXPORT.xml OUT.csv");
    read_registry(argv[1]);

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_characters;
    sax.cdataBlock = on_characters;
    State state;
    memset(&state, 0, sizeof state);

    FILE *in = fopen(argv[2], "rb");
    if (!in) die("cannot open the export");
    static char chunk[1 << 16];
    size_t n = fread(chunk, 1, sizeof chunk, in);
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, &state, chunk, (int)n, argv[2]);
    if (!ctxt) die("cannot create the parser");
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (xmlParseChunk(ctxt, chunk, (int)n, 0) != 0) die("not well-formed XML");
    if (xmlParseChunk(ctxt, chunk, 0, 1) != 0 || !ctxt->wellFormed) die("not well-formed XML");
    xmlFreeParserCtxt(ctxt);
    fclose(in);

    /* counts per (hall, month), dense */
    int32_t *total = calloc((size_t)hall_count * MAX_MONTHS, sizeof *total);
    int32_t *online = calloc((size_t)hall_count * MAX_MONTHS, sizeof *online);
    if (!total || !online) die("out of memory");
    for (size_t i = 0; i < winner_cap; i++) {
        Winner *w = &winners[i];
        if (!w->id || w->withdrawn) continue;
        size_t k = (size_t)w->hall * MAX_MONTHS + (size_t)w->month;
        total[k]++;
        online[k] += w->online;
    }
    size_t cells = 0;
    for (size_t k = 0; k < (size_t)hall_count * MAX_MONTHS; k++) cells += total[k] > 0;
    Cell *cell = malloc((cells + 1) * sizeof *cell);
    size_t c = 0;
    for (size_t k = 0; k < (size_t)hall_count * MAX_MONTHS; k++)
        if (total[k] > 0)
            cell[c++] = (Cell){(int)(k / MAX_MONTHS), (int)(k % MAX_MONTHS), total[k], online[k], 0};

    /* competition ranks within (tier, month) among halls with total >= MIN_VOLUME */
    qsort(cell, cells, sizeof *cell, by_tier_month_ratio);
    for (size_t i = 0; i < cells;) {
        size_t j = i;
        while (j < cells && hall_tier[cell[j].hall] == hall_tier[cell[i].hall] && cell[j].month == cell[i].month) j++;
        int seen = 0;
        const Cell *prev = NULL;
        for (size_t k = i; k < j; k++) {
            if (cell[k].total < MIN_VOLUME) continue;
            seen++;
            cell[k].rank = (prev && by_tier_month_ratio(prev, &cell[k]) == 0) ? prev->rank : seen;
            prev = &cell[k];
        }
        i = j;
    }
    qsort(cell, cells, sizeof *cell, by_hall_month);

    FILE *out = fopen(argv[3], "w");
    if (!out) die("cannot create the output");
    fprintf(out, "hall_code,period,total,online,rank\n");
    for (size_t i = 0; i < cells; i++) {
        fprintf(out, "%s,%04d-%02d,%d,%d,", hall_code[cell[i].hall], 1900 + cell[i].month / 12, cell[i].month % 12 + 1,
                cell[i].total, cell[i].online);
        if (cell[i].rank) fprintf(out, "%d", cell[i].rank);
        fputc('\n', out);
    }
    if (fclose(out) != 0) die("cannot write the output");
    fprintf(stderr, "sax2_baseline: %ld records, %zu transactions, %ld skipped, %zu hall-months\n", state.records,
            winner_count, state.bad, cells);
    return 0;
}
