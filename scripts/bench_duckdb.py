#!/usr/bin/env python3
"""The DuckDB side of scripts/bench.sh, and the checks and the report of the benchmark.

    bench_duckdb.py run --registry HALLS.csv --out RESULT.csv [--catalogue CAT.csv --holidays H.csv --as-of DAY]
                        EXPORT.csv [EXPORT.csv ...]
        The hallrate job in DuckDB (default threads): read the district-layout CSVs (all varchar, header),
        deduplicate by 办件编号 (latest 更新时间, then the row read last; files in the order given, which
        bench.sh gives in sorted path order like hallrate), drop 撤件, count per hall and month of 受理时间
        the total and the online (网上申报 or 移动端) transactions, join the registry for the tier, rank
        within (tier, month) among halls with total >= 30 (competition rank by online/total descending),
        and write hall_code,period,total,online,rank sorted by hall_code, period; and the breakdowns
        hallrate writes (contract rule 17): per tier, month and 事项编码 (and 受理部门) the total and
        online of the same winners, an empty field as "(blank)", into RESULT.csv.items.csv and
        RESULT.csv.departments.csv.
        With --catalogue, also the time-limit job (contract rules 18–21): a calendar table of 2018–2026
        from the holiday file (Monday–Friday not a holiday, or a listed workday) with a running index of
        working days, so that a deadline in working days is one join; per hall and month of acceptance the
        counted, uncatalogued, finished, on_time, in_progress, overdue_open (deadline before DAY) and
        untimed transactions into RESULT.csv.time_limits.csv, and the exception lists (finished late and
        open past the deadline, with their days late in the item's unit) into RESULT.csv.lists.csv, at
        most 1,000,000 rows like hallrate's.
    bench_duckdb.py disjoint A.csv B.csv
        Exits 1 when the two exports share a 办件编号 (the nightly file must not collide with the big one).
    bench_duckdb.py compare HALL_MONTHS.csv RESULT.csv
        Exits 1, listing the first differences, unless hallrate's hall_months.csv (hall_code, period,
        total, online, rank) equals DuckDB's result for every hall and month, and, when DuckDB wrote
        them, hallrate's items/ and departments/ tables (next to hall_months.csv) equal its breakdowns,
        its time_limits.csv equals DuckDB's time-limit counts, and its overdue_finished/ and overdue_open/
        lists hold as many rows as DuckDB's lists (under 1,000,000 cases: the same cases, by txn_id, with
        the same deadlines and days).
    bench_duckdb.py report RESULTS.tsv [--markdown FILE]
        Prints the table of bench.sh from its per-run records: per case, hallrate against its baseline
        (the other tool of the case: DuckDB, or the C SAX2 program of scripts/bench/sax2_baseline.c).

`run` needs the duckdb module (bench.sh runs it from a throw-away virtual environment); the other
commands need only the standard library.
"""

import csv
import os
import statistics
import sys

ONLINE = ("网上申报", "移动端")
WITHDRAWN = "撤件"
MIN_VOLUME = 30
STAMP = "%Y-%m-%d %H:%M:%S"
LIST_LIMIT = 1_000_000
TIME_LIMIT_COLUMNS = ["counted", "uncatalogued", "finished", "on_time", "in_progress", "overdue_open", "untimed"]


def run(args):
    import duckdb  # noqa: PLC0415 (only this command needs it)

    options = {"--registry": None, "--out": None, "--catalogue": None, "--holidays": None, "--as-of": None}
    files = []
    i = 0
    while i < len(args):
        if args[i] in options:
            options[args[i]] = args[i + 1]
            i += 2
        else:
            files.append(args[i])
            i += 1
    registry, out, catalogue = options["--registry"], options["--out"], options["--catalogue"]
    if not registry or not out or not files or (catalogue and not (options["--holidays"] and options["--as-of"])):
        sys.exit("usage: bench_duckdb.py run --registry HALLS.csv --out RESULT.csv "
                 "[--catalogue CAT.csv --holidays H.csv --as-of DAY] EXPORT.csv ...")

    con = duckdb.connect()  # in memory, default threads
    # One scan of the files, in the order given, keeping only what the job needs (month, online and
    # withdrawn are worked out per row before deduplication, which picks whole rows). With DuckDB's default
    # preserve_insertion_order the table keeps file order and row order, so rowid is the reading order that
    # breaks 更新时间 ties.
    con.execute(
        f"""
        CREATE TEMP TABLE rows AS
        SELECT 办件编号 AS txn_id, 受理大厅编码 AS hall_code,
               strftime(strptime(受理时间, '{STAMP}'), '%Y-%m') AS period,
               申报渠道 IN ('{ONLINE[0]}', '{ONLINE[1]}') AS online,
               coalesce(nullif(trim(事项编码), ''), '(blank)') AS item,
               coalesce(nullif(trim(受理部门), ''), '(blank)') AS department,
               办件状态 = '{WITHDRAWN}' AS withdrawn,
               try_strptime(更新时间, '{STAMP}') AS updated_at{time_limit_columns(catalogue)}
        FROM read_csv($files, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
        """,
        {"files": files},
    )
    # The winner of each 办件编号 (latest 更新时间, then the row read last; the benchmark's rows always carry
    # 更新时间, DuckDB sorts an absent one last), counted once per hall, month, item and department: the
    # hall-months and both breakdowns are sums of these cells.
    winners = """
          SELECT * FROM rows
          QUALIFY row_number() OVER (PARTITION BY txn_id ORDER BY updated_at DESC, rowid DESC) = 1
    """
    if catalogue:  # the time-limit job reads the winners too: keep them once
        con.execute(f"CREATE TEMP TABLE winners AS {winners}")
        winners = "SELECT * FROM winners"
    con.execute(
        f"""
        CREATE TEMP TABLE cells AS
        SELECT w.hall_code, w.period, w.item, w.department, r.tier,
               count(*) AS total, count(*) FILTER (WHERE w.online) AS online
        FROM ({winners}) w JOIN read_csv($registry, header = true, all_varchar = true) r USING (hall_code)
        WHERE NOT w.withdrawn
        GROUP BY ALL
        """,
        {"registry": registry},
    )
    if catalogue:
        time_limits(con, out, catalogue, options["--holidays"], options["--as-of"])
    for dimension in ("item", "department"):
        con.execute(
            f"""
            COPY (
              SELECT tier, period, {dimension} AS key, sum(total) AS total, sum(online) AS online
              FROM cells GROUP BY ALL ORDER BY ALL
            ) TO '{(out + "." + dimension + "s.csv").replace("'", "''")}' (HEADER, DELIMITER ',')
            """)
    con.execute(
        f"""
        COPY (
          WITH counts AS (
            SELECT hall_code, period, tier, sum(total) AS total, sum(online) AS online
            FROM cells GROUP BY ALL
          )
          SELECT hall_code, period, total, online,
                 CASE WHEN total >= {MIN_VOLUME} THEN
                   rank() OVER (PARTITION BY tier, period, total >= {MIN_VOLUME}
                                ORDER BY online::DOUBLE / total DESC) END AS rank
          FROM counts
          ORDER BY hall_code, period
        ) TO '{out.replace("'", "''")}' (HEADER, DELIMITER ',')
        """)


def time_limit_columns(catalogue):
    """The columns the time-limit job adds to each row read (none without a catalogue)."""
    if not catalogue:
        return ""
    return f""",
               办件状态 AS status, strptime(受理时间, '{STAMP}') AS accepted_at,
               try_strptime(nullif(trim(办结时间), ''), '{STAMP}') AS completed_at"""


def time_limits(con, out, catalogue, holidays, as_of):
    """Rules 19–21 on the winners: deadlines by a working-day index, the counts and the lists."""
    days = []
    with open(holidays, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("date,") or not line.strip():
                continue
            day, kind = line.split(",")[:2]
            days.append((day, kind))
    con.execute("CREATE TEMP TABLE listed (day DATE, kind VARCHAR)")
    con.executemany("INSERT INTO listed VALUES (?, ?)", days)
    # Every day 2018–2026 with whether it is a working day and how many working days there are up to it.
    con.execute(
        """
        CREATE TEMP TABLE cal AS
        SELECT day, working, sum(working::INT) OVER (ORDER BY day) AS idx FROM (
          SELECT d.day::DATE AS day,
                 coalesce(l.kind = 'workday', isodow(d.day) <= 5) AS working
          FROM range(DATE '2018-01-01', DATE '2027-01-01', INTERVAL 1 DAY) d(day)
          LEFT JOIN listed l ON l.day = d.day::DATE)
        """)
    con.execute("CREATE TEMP TABLE wd AS SELECT idx, day FROM cal WHERE working")
    con.execute(
        """
        CREATE TEMP TABLE items AS
        SELECT item_code AS item, kind IN ('即办件', 'instant') AS instant, promised_limit::INT AS promised,
               limit_unit IN ('工作日', 'working_days') AS in_working_days
        FROM read_csv($catalogue, header = true, all_varchar = true)
        """,
        {"catalogue": catalogue},
    )
    # Each counted transaction of a catalogued item with its deadline (the end of that day).
    con.execute(
        f"""
        CREATE TEMP TABLE judged AS
        SELECT w.txn_id, w.hall_code, w.period, w.item, w.status, w.accepted_at, w.completed_at,
               i.in_working_days,
               CASE WHEN i.instant THEN w.accepted_at::DATE
                    WHEN NOT i.in_working_days THEN w.accepted_at::DATE + i.promised
                    ELSE d.day END AS deadline
        FROM winners w JOIN items i USING (item)
        JOIN cal a ON a.day = w.accepted_at::DATE
        LEFT JOIN wd d ON d.idx = a.idx + i.promised AND NOT i.instant AND i.in_working_days
        WHERE NOT w.withdrawn
        """)
    con.execute(
        f"""
        COPY (
          WITH marked AS (
            SELECT hall_code, period, status,
                   status IN ('办结', '不予受理') AND completed_at IS NOT NULL AND completed_at >= accepted_at AS finished,
                   completed_at::DATE <= deadline AS on_time, deadline < DATE '{as_of}' AS overdue
            FROM judged),
          catalogued AS (
            SELECT hall_code, period, count(*) AS catalogued,
                   count(*) FILTER (WHERE finished) AS finished,
                   count(*) FILTER (WHERE finished AND on_time) AS on_time,
                   count(*) FILTER (WHERE status = '在办') AS in_progress,
                   count(*) FILTER (WHERE status = '在办' AND overdue) AS overdue_open,
                   count(*) FILTER (WHERE status <> '在办' AND NOT finished) AS untimed
            FROM marked GROUP BY ALL),
          counted AS (SELECT hall_code, period, sum(total) AS counted FROM cells GROUP BY ALL)
          SELECT hall_code, period, counted, counted - coalesce(catalogued, 0) AS uncatalogued,
                 coalesce(finished, 0) AS finished, coalesce(on_time, 0) AS on_time,
                 coalesce(in_progress, 0) AS in_progress, coalesce(overdue_open, 0) AS overdue_open,
                 coalesce(untimed, 0) AS untimed
          FROM counted LEFT JOIN catalogued USING (hall_code, period)
          ORDER BY hall_code, period
        ) TO '{(out + ".time_limits.csv").replace("'", "''")}' (HEADER, DELIMITER ',')
        """)
    # The lists: finished late and open past the deadline, with the days of the item's unit after the
    # deadline up to the day of completion or the as-of day.
    con.execute(
        f"""
        COPY (
          SELECT j.txn_id, j.hall_code, j.period, j.item, j.accepted_at::DATE AS accepted, j.deadline,
                 j.completed_at,
                 CASE WHEN j.in_working_days THEN e.idx - dl.idx ELSE e.day - j.deadline END AS days
          FROM judged j
          JOIN cal dl ON dl.day = j.deadline
          JOIN cal e ON e.day = CASE WHEN j.status = '在办' THEN DATE '{as_of}' ELSE j.completed_at::DATE END
          WHERE (j.status IN ('办结', '不予受理') AND j.completed_at >= j.accepted_at AND j.completed_at::DATE > j.deadline)
             OR (j.status = '在办' AND j.deadline < DATE '{as_of}')
          LIMIT {LIST_LIMIT}
        ) TO '{(out + ".lists.csv").replace("'", "''")}' (HEADER, DELIMITER ',')
        """)


def disjoint(args):
    import duckdb  # noqa: PLC0415

    a, b = args
    shared = duckdb.connect().execute(
        "SELECT count(*) FROM read_csv($a, header = true, all_varchar = true) x "
        "SEMI JOIN read_csv($b, header = true, all_varchar = true) y USING (办件编号)",
        {"a": a, "b": b},
    ).fetchall()[0][0]
    if shared:
        sys.exit(f"bench: {shared} 办件编号 of {b} are also in {a}")
    print(f"bench: no 办件编号 of {b} is in {a}")


def load(path, columns):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"bench: {path} has no column {', '.join(missing)} (header: {reader.fieldnames})")
        return {(r["hall_code"], r["period"]): tuple(r[c] for c in columns[2:]) for r in reader}


def compare(args):
    hallrate_path, duckdb_path = args
    columns = ["hall_code", "period", "total", "online", "rank"]
    ours = load(hallrate_path, columns)
    theirs = load(duckdb_path, columns)
    problems = []
    for key in sorted(set(ours) | set(theirs)):
        a, b = ours.get(key), theirs.get(key)
        if a != b:
            problems.append(f"  {key[0]} {key[1]}: hallrate {a or 'no row'}  duckdb {b or 'no row'}  (total, online, rank)")
    if problems or not ours:
        print(f"\nbench: RESULTS DIFFER: {hallrate_path} vs {duckdb_path}: "
              f"{len(problems)} of {len(set(ours) | set(theirs))} hall-months", file=sys.stderr)
        print("\n".join(problems[:20]) or "  (no rows at all)", file=sys.stderr)
        sys.exit(1)
    print(f"bench: results agree: {len(ours)} hall-months (hall_code, period, total, online, rank)")
    folder = os.path.dirname(hallrate_path)
    for dimension, key in (("items", "item_code"), ("departments", "department")):
        theirs_path = f"{duckdb_path}.{dimension}.csv"
        if not os.path.exists(theirs_path):
            continue
        ours = {}
        for name in sorted(os.listdir(os.path.join(folder, dimension))):
            with open(os.path.join(folder, dimension, name), newline="", encoding="utf-8-sig") as f:
                for r in csv.DictReader(f):
                    ours[(r["tier"], r["period"], r[key])] = (r["total"], r["online"])
        with open(theirs_path, newline="", encoding="utf-8") as f:
            theirs = {(r["tier"], r["period"], r["key"]): (r["total"], r["online"]) for r in csv.DictReader(f)}
        if ours != theirs or not ours:
            wrong = sorted(k for k in set(ours) | set(theirs) if ours.get(k) != theirs.get(k))
            print(f"\nbench: BREAKDOWNS DIFFER ({dimension}): {len(wrong)} rows, e.g. "
                  + "; ".join(f"{k}: hallrate {ours.get(k)} duckdb {theirs.get(k)}" for k in wrong[:5]), file=sys.stderr)
            sys.exit(1)
        print(f"bench: breakdowns agree: {len(ours)} (tier, month, {key}) rows")
    theirs_path = f"{duckdb_path}.time_limits.csv"
    if os.path.exists(theirs_path):
        columns = ["hall_code", "period"] + TIME_LIMIT_COLUMNS
        ours = load(os.path.join(folder, "time_limits.csv"), columns)
        theirs = load(theirs_path, columns)
        wrong = sorted(k for k in set(ours) | set(theirs) if ours.get(k) != theirs.get(k))
        if wrong or not ours:
            print(f"\nbench: TIME LIMITS DIFFER: {len(wrong)} hall-months, e.g. "
                  + "; ".join(f"{k}: hallrate {ours.get(k)} duckdb {theirs.get(k)}" for k in wrong[:5])
                  + f"  ({', '.join(TIME_LIMIT_COLUMNS)})", file=sys.stderr)
            sys.exit(1)
        late = sum(int(v[2]) - int(v[3]) + int(v[5]) for v in ours.values())
        hall_months = len(ours)
        # Each listed case: its deadline and days late (or overdue), by txn_id.
        ours = {}
        for name, days in (("overdue_finished", "days_late"), ("overdue_open", "days_overdue")):
            for file in os.listdir(os.path.join(folder, name)):
                with open(os.path.join(folder, name, file), newline="", encoding="utf-8-sig") as f:
                    ours.update((r["txn_id"], (r["deadline"], r[days])) for r in csv.DictReader(f))
        with open(f"{duckdb_path}.lists.csv", newline="", encoding="utf-8") as f:
            theirs = {r["txn_id"]: (r["deadline"], r["days"]) for r in csv.DictReader(f)}
        listed = len(ours)
        # Under the limit both list every case, which must then agree; over it each keeps some 1,000,000.
        same = ours == theirs if late <= LIST_LIMIT else len(theirs) == listed
        if listed != min(late, LIST_LIMIT) or not same:
            wrong = sorted(k for k in set(ours) | set(theirs) if ours.get(k) != theirs.get(k))[:5]
            print(f"\nbench: LISTS DIFFER: {late} late or overdue cases; hallrate lists {listed}, duckdb {len(theirs)}"
                  f" (both should list {min(late, LIST_LIMIT)}), e.g. "
                  + "; ".join(f"{k}: hallrate {ours.get(k)} duckdb {theirs.get(k)}" for k in wrong), file=sys.stderr)
            sys.exit(1)
        print(f"bench: time limits agree: {hall_months} hall-months ({', '.join(TIME_LIMIT_COLUMNS)}); "
              f"both list {listed} of {late} late or overdue cases"
              + (" with the same deadlines and days" if late <= LIST_LIMIT else ""))


def report(args):
    path = args[0]
    markdown = args[args.index("--markdown") + 1] if "--markdown" in args else None
    runs = {}  # case -> tool -> [(rep, wall, rss_kb)]
    meta = {}  # (case, tool) -> (rows, bytes); case -> note
    notes = {}
    order = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            case, tool = row["case"], row["tool"]
            if case not in runs:
                order.append(case)
                runs[case] = {}
            runs[case].setdefault(tool, []).append((int(row["rep"]), float(row["wall_s"]), int(row["rss_kb"])))
            meta[case, tool] = (int(row["rows"]), int(row["bytes"]))
            notes[case] = row["note"]

    names = {"duckdb": "DuckDB", "c-sax2": "C SAX2"}
    header = ["case", "baseline", "rows", "hallrate input MB", "hallrate median s", "baseline median s",
              "hallrate/baseline (paired median)", "hallrate rows/s", "baseline rows/s", "hallrate MB/s",
              "baseline MB/s", "hallrate peak RSS MB", "baseline peak RSS MB", "pairs"]
    lines = []
    for case in order:
        others = [tool for tool in runs[case] if tool != "hallrate"]
        if "hallrate" not in runs[case] or not others:
            continue
        other = others[0]
        a = sorted(runs[case]["hallrate"])
        b = sorted(runs[case][other])
        rows_a, bytes_a = meta[case, "hallrate"]
        rows_b, bytes_b = meta[case, other]
        pairs = [x[1] / y[1] for x, y in zip(a, b) if y[1] > 0]
        ma = statistics.median(w for _, w, _ in a)
        mb = statistics.median(w for _, w, _ in b)

        def per_s(amount, seconds, digits):
            return f"{amount / seconds:,.{digits}f}" if seconds else "n/a"

        lines.append([
            case + (f" ({notes[case]})" if notes[case] else ""), names.get(other, other), f"{rows_a:,}", f"{bytes_a / 1e6:,.1f}",
            f"{ma:.2f}", f"{mb:.2f}", f"{statistics.median(pairs):.1f}×" if pairs else "n/a",
            per_s(rows_a, ma, 0), per_s(rows_b, mb, 0), per_s(bytes_a / 1e6, ma, 1), per_s(bytes_b / 1e6, mb, 1),
            f"{max(r for _, _, r in a) / 1024:,.0f}", f"{max(r for _, _, r in b) / 1024:,.0f}",
            str(min(len(a), len(b))),
        ])
    text = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n"
    text += "".join("| " + " | ".join(line) + " |\n" for line in lines)
    print(text, end="")
    if markdown:
        detail = "\nEvery run:\n\n| case | tool | rep | wall s | peak RSS MB |\n|---|---|---|---|---|\n"
        for case in order:
            for tool in runs[case]:
                if case.endswith("-c") and tool == "hallrate":
                    continue  # the same runs as the case without -c
                for rep, wall, rss in sorted(runs[case][tool]):
                    detail += f"| {case} | {tool} | {rep} | {wall:.2f} | {rss / 1024:,.0f} |\n"
        with open(markdown, "w", encoding="utf-8") as f:
            f.write(text + detail)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    {"run": run, "disjoint": disjoint, "compare": compare, "report": report}.get(
        command, lambda _: sys.exit(__doc__))(args)


if __name__ == "__main__":
    main()
