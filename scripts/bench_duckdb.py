#!/usr/bin/env python3
"""The DuckDB side of scripts/bench.sh, and the checks and the report of the benchmark.

    bench_duckdb.py run --registry HALLS.csv --out RESULT.csv EXPORT.csv [EXPORT.csv ...]
        The hallrate job in DuckDB (default threads): read the district-layout CSVs (all varchar, header),
        deduplicate by 办件编号 (latest 更新时间, then the row read last; files in the order given, which
        bench.sh gives in sorted path order like hallrate), drop 撤件, count per hall and month of 受理时间
        the total and the online (网上申报 or 移动端) transactions, join the registry for the tier, rank
        within (tier, month) among halls with total >= 30 (competition rank by online/total descending),
        and write hall_code,period,total,online,rank sorted by hall_code, period; and the breakdowns
        hallrate writes (contract rule 17): per tier, month and 事项编码 (and 受理部门) the total and
        online of the same winners, an empty field as "(blank)", into RESULT.csv.items.csv and
        RESULT.csv.departments.csv.
    bench_duckdb.py disjoint A.csv B.csv
        Exits 1 when the two exports share a 办件编号 (the nightly file must not collide with the big one).
    bench_duckdb.py compare HALL_MONTHS.csv RESULT.csv
        Exits 1, listing the first differences, unless hallrate's hall_months.csv (hall_code, period,
        total, online, rank) equals DuckDB's result for every hall and month, and, when DuckDB wrote
        them, hallrate's items/ and departments/ tables (next to hall_months.csv) equal its breakdowns.
    bench_duckdb.py report RESULTS.tsv [--markdown FILE]
        Prints the table of bench.sh from its per-run records: per case, hallrate against its baseline
        (the other tool of the case: DuckDB, or the C SAX2 program of scripts/bench/sax2_baseline.c).

`run` needs the duckdb module (bench.sh runs it from a throw-away virtual environment); the other
commands need only the standard library.
"""

import csv
import statistics
import sys

ONLINE = ("网上申报", "移动端")
WITHDRAWN = "撤件"
MIN_VOLUME = 30
STAMP = "%Y-%m-%d %H:%M:%S"


def run(args):
    import duckdb  # noqa: PLC0415 (only this command needs it)

    registry = out = None
    files = []
    i = 0
    while i < len(args):
        if args[i] == "--registry":
            registry = args[i + 1]
            i += 2
        elif args[i] == "--out":
            out = args[i + 1]
            i += 2
        else:
            files.append(args[i])
            i += 1
    if not registry or not out or not files:
        sys.exit("usage: bench_duckdb.py run --registry HALLS.csv --out RESULT.csv EXPORT.csv ...")

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
               try_strptime(更新时间, '{STAMP}') AS updated_at
        FROM read_csv($files, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
        """,
        {"files": files},
    )
    # The winner of each 办件编号 (latest 更新时间, then the row read last; the benchmark's rows always carry
    # 更新时间, DuckDB sorts an absent one last), counted once per hall, month, item and department: the
    # hall-months and both breakdowns are sums of these cells.
    con.execute(
        f"""
        CREATE TEMP TABLE cells AS
        SELECT w.hall_code, w.period, w.item, w.department, r.tier,
               count(*) AS total, count(*) FILTER (WHERE w.online) AS online
        FROM (
          SELECT * FROM rows
          QUALIFY row_number() OVER (PARTITION BY txn_id ORDER BY updated_at DESC, rowid DESC) = 1
        ) w JOIN read_csv($registry, header = true, all_varchar = true) r USING (hall_code)
        WHERE NOT w.withdrawn
        GROUP BY ALL
        """,
        {"registry": registry},
    )
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
    import os  # noqa: PLC0415
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
