/// The report's inline style sheet. Marks never rely on hue alone: symbols, bold text, dash styles
/// and hatching keep a grayscale print readable.
enum HTMLReportStyle {
    static let css = """
        :root { --ink: #1c2430; --muted: #5d6876; --line: #d9dee5; --soft: #f5f7fa; --accent: #1d4f7c;
          --accent-soft: #dce7f2; --red: #a3262a; --black: #111; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #eef1f5; color: var(--ink);
          font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 28px 28px 56px; }
        .masthead { background: #fff; border-radius: 12px; padding: 24px 32px 18px; text-align: center; }
        .masthead .issuer { color: var(--red); font-size: 30px; font-weight: 700; letter-spacing: 0.12em; line-height: 1.3; }
        .masthead h1 { margin: 6px 0 0; font-size: 24px; font-weight: 700; letter-spacing: 0.02em; }
        .masthead .issue-line { display: flex; justify-content: space-between; gap: 12px; margin-top: 10px; font-size: 14px; }
        .masthead .issue-line .date { margin-left: auto; }
        .masthead .rule { border-top: 3px solid var(--red); border-bottom: 1px solid var(--red); height: 4px; margin: 6px 0 10px; }
        .masthead dl { display: flex; flex-wrap: wrap; justify-content: center; gap: 4px 26px; margin: 0; font-size: 14px; }
        .masthead dt { color: var(--muted); display: inline; }
        .masthead dd { margin: 0 0 0 6px; display: inline; font-weight: 700; }
        .bulletin p { margin: 0 0 6px; text-indent: 2em; font-size: 15px; line-height: 1.8; }
        .bulletin p:last-child { margin-bottom: 0; }
        .kpi .outlook { font-size: 12.5px; margin-top: 6px; line-height: 1.45; }
        .tier-lists + .tier-lists { margin-top: 4px; }
        .tier-lists h3 { display: flex; align-items: baseline; gap: 10px; }
        .target-chip { font-size: 12px; font-weight: 400; color: var(--muted); border: 1px dashed var(--muted);
          border-radius: 999px; padding: 0 8px; }
        ol.below-list { margin: 4px 0 8px; padding: 0; list-style: none; columns: 2; column-gap: 28px; font-size: 13px; }
        ol.below-list li { break-inside: avoid; display: grid; grid-template-columns: 2.2em minmax(0, 1fr) auto auto 7.5em;
          gap: 0 8px; align-items: baseline; }
        ol.below-list li span { white-space: nowrap; }
        ol.below-list li .hall-name { overflow: hidden; text-overflow: ellipsis; }
        ol.below-list li .seq { color: var(--muted); text-align: right; }
        ol.below-list .gap { font-weight: 700; }
        ol.below-list .outlook { color: var(--muted); font-size: 12px; }
        td.gap { white-space: nowrap; }
        .township h3 { margin: 14px 0 4px; }
        .villages { margin: 0; font-size: 13px; line-height: 1.7; }
        .village { white-space: nowrap; }
        .village.below { font-weight: 700; }
        .village.silent { font-style: italic; }
        .village.none { color: var(--muted); }
        footer p { margin: 2px 0; }
        footer .contact { color: var(--ink); font-size: 13px; }
        .provisional-banner { margin-top: 16px; padding: 14px 20px; border: 3px dashed var(--black); border-radius: 10px;
          background: #fff6d6; font-size: 16px; font-weight: 700; line-height: 1.5; }
        .provisional-banner .tag { display: inline-block; background: var(--black); color: #fff; border-radius: 4px;
          padding: 0 8px; margin-right: 10px; letter-spacing: 0.1em; }
        .provisional-chip { font-size: 13px; font-weight: 700; color: var(--ink); border: 2px dashed var(--black);
          border-radius: 4px; padding: 0 8px; background: #fff6d6; }
        nav { margin: 14px 2px 0; font-size: 13px; color: var(--muted); }
        nav a { color: var(--accent); text-decoration: none; margin-right: 18px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 22px 26px 24px; margin-top: 20px; }
        h2 { margin: 0 0 4px; font-size: 21px; display: flex; align-items: baseline; gap: 14px; }
        h3 { margin: 26px 0 10px; font-size: 15px; color: var(--accent); border-left: 4px solid var(--accent); padding-left: 8px; }
        .note { color: var(--muted); font-size: 12.5px; margin: 4px 0 0; }
        .kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
        .kpi { border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; background: var(--soft); }
        .kpi.below { border: 2px dashed #4a4a4a; }
        .kpi .tier-name { font-weight: 700; font-size: 15px; }
        .kpi .value { font-size: 32px; font-weight: 700; line-height: 1.2; margin-top: 6px; font-variant-numeric: tabular-nums; }
        .kpi .value .sym { font-size: 20px; margin-left: 6px; }
        .kpi .facts { color: var(--muted); font-size: 12.5px; margin-top: 4px; display: flex; flex-wrap: wrap; gap: 0 14px; }
        .kpi .facts span { white-space: nowrap; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 22px; margin-top: 14px; font-size: 12.5px; color: var(--muted); }
        .legend b { color: var(--ink); margin-right: 4px; }
        .legend svg.key { display: inline-block; width: 28px; height: 10px; margin-right: 5px; vertical-align: middle; }
        .key-series { stroke: var(--accent); stroke-width: 2.6; }
        .key-dot.below { fill: #fff; stroke: var(--accent); stroke-width: 2; }
        svg { display: block; width: 100%; height: auto; font-family: inherit; }
        svg text { fill: var(--ink); }
        .chart { margin-top: 8px; }
        .chart .grid { stroke: #e6e9ee; stroke-width: 1; }
        .chart .axis-line, .chart .tick { stroke: #8a94a1; stroke-width: 1; }
        .chart .axis { font-size: 12px; fill: var(--muted); }
        .target { stroke: #3b3b3b; stroke-width: 1.6; stroke-dasharray: 7 5; }
        .spark .target { stroke-width: 1.1; stroke-dasharray: 4 3; }
        .chart .target-label { font-size: 12px; font-weight: 700; }
        .chart .area { fill: var(--accent); opacity: 0.08; }
        .chart .series { fill: none; stroke: var(--accent); stroke-width: 2.6; stroke-linejoin: round; }
        .chart .dot { fill: var(--accent); stroke: var(--accent); stroke-width: 1.5; }
        .chart .dot.below { fill: #fff; stroke: var(--accent); stroke-width: 2; }
        .chart .value-label { font-size: 13px; font-weight: 700; }
        .sparks { display: grid; grid-template-columns: repeat(auto-fill, minmax(205px, 1fr)); gap: 10px; }
        .spark-card { border: 1px solid var(--line); border-radius: 8px; padding: 7px 10px 6px; background: #fff; }
        .spark-card.below { border: 1.5px dashed #4a4a4a; background: var(--soft); }
        .spark-card .hall { font-size: 12.5px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .spark-card .foot { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; color: var(--muted);
          font-variant-numeric: tabular-nums; white-space: nowrap; }
        .spark-card .latest { color: var(--ink); font-weight: 700; font-size: 13px; }
        .spark-card.below .hall { font-weight: 700; }
        .spark-base { stroke: #c7ced8; stroke-width: 1; }
        .spark-line { fill: none; stroke: var(--accent); stroke-width: 1.8; stroke-linejoin: round; }
        .spark-dot, .spark-end { fill: var(--accent); }
        .spark-end.below { fill: #fff; stroke: var(--accent); stroke-width: 1.6; }
        svg.spark { margin: 3px 0 1px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
        th { text-align: left; font-weight: 700; color: var(--muted); font-size: 12px; border-bottom: 2px solid var(--ink);
          padding: 6px 8px; white-space: nowrap; }
        td { padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
        .num { text-align: right; white-space: nowrap; }
        td.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; color: var(--muted); }
        td.mark { white-space: nowrap; font-weight: 700; width: 1%; }
        tr.below td { font-weight: 700; }
        tr.black td { background: repeating-linear-gradient(135deg, #ececec 0 5px, #fafafa 5px 10px); }
        tr.black td:first-child { box-shadow: inset 4px 0 0 var(--black); }
        tr.below:not(.black) td:first-child { box-shadow: inset 4px 0 0 #8a8a8a; }
        tr.silent td { color: var(--muted); font-style: italic; }
        td.hall-name, th.hall-name { white-space: nowrap; }
        .bar { display: inline-block; position: relative; width: 72px; height: 9px; background: #e8ebf0;
          border-radius: 2px; vertical-align: middle; margin-right: 8px; }
        .bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: var(--accent); border-radius: 2px; }
        .bar .fill.under { background: repeating-linear-gradient(45deg, #555 0 2px, #b9b9b9 2px 4px); }
        .bar .goal { position: absolute; top: -3px; bottom: -3px; width: 0; border-left: 2px solid var(--black); }
        .lists { display: grid; grid-template-columns: 1fr 1fr; gap: 22px; }
        .lists > div, .kpis > div { min-width: 0; }
        .lists h4 { margin: 0 0 6px; font-size: 14px; }
        .lists .red h4 { color: var(--red); }
        td.card { font-weight: 700; white-space: nowrap; }
        td.card.red { color: var(--red); }
        td.card.yellow { color: #8a5a00; }
        td.txn { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; }
        .lists .black h4 { color: var(--black); }
        .streak { font-weight: 700; }
        .list-meaning { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; line-height: 1.55; }
        .no-lists { margin: 6px 0; padding: 10px 14px; border: 1px dashed var(--muted); border-radius: 8px; background: var(--soft); }
        .note.trajectory { color: var(--ink); }
        td.change { font-weight: 700; }
        section.alert { border: 2px dashed var(--black); }
        table.league.provisional td { color: #3d4550; }
        .outlook-never { font-weight: 700; }
        .empty { color: var(--muted); font-style: italic; margin: 6px 0; }
        footer { text-align: center; color: var(--muted); font-size: 12px; margin-top: 26px; }
        .table-wrap { overflow-x: auto; }
        .print-legend { display: none; }
        .chart-wrap { overflow-x: auto; }
        td.flags { min-width: 7em; }
        td.flags .flag { white-space: nowrap; }
        /* Phones and narrow windows: tables scroll sideways inside their box with the hall's name held in view;
           charts keep a readable width and scroll too. Screen only: print has its own rules below. */
        @media screen and (max-width: 760px) {
          main { padding: 10px 10px 32px; }
          .masthead { padding: 16px 14px 12px; }
          .masthead .issuer { font-size: 22px; letter-spacing: 0.04em; }
          .masthead h1 { font-size: 19px; }
          .masthead .issue-line { font-size: 13px; flex-wrap: wrap; }
          section { padding: 14px 12px 16px; border-radius: 10px; }
          h2 { font-size: 18px; flex-wrap: wrap; }
          .bulletin p { font-size: 14.5px; }
          .kpis, .lists { grid-template-columns: 1fr; }
          .table-wrap { -webkit-overflow-scrolling: touch; border-right: 1px solid var(--line); }
          .table-wrap th.code, .table-wrap td.code, .table-wrap .name-suffix { display: none; }
          table { font-size: 12.5px; }
          table.cases td { white-space: nowrap; }
          th { white-space: normal; font-size: 11.5px; padding: 5px 6px; }
          td { padding: 4px 6px; }
          .table-wrap th.hall-name, .table-wrap td.hall-name { position: sticky; left: 0; z-index: 1; background: #fff;
            box-shadow: 1px 0 0 var(--line); }
          tr.black td.hall-name { background: #ececec; }
          .chart-wrap svg.chart { min-width: 600px; }
          ol.below-list { columns: 1; }
          nav a { display: inline-block; margin: 2px 14px 2px 0; }
        }
        /* Print and PDF: A4 portrait, independent of the screen's breakpoints. Page one holds the heading, the
           bulletin's text, the tier cards and the red and black lists; each tier's detail starts a page. Names
           stay on one line (codes and bars are left out of print), no row is split, table heads repeat. */
        @page { size: A4 portrait; margin: 14mm 12mm 15mm;
          @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; } }
        @media print {
          body { background: #fff; font-size: 10.5pt; line-height: 1.5; }
          main { padding: 0; max-width: none; }
          nav, .spark-title, .sparks, .spark-note, .bar { display: none; }
          .masthead { padding: 0 0 4px; border-radius: 0; }
          .masthead .issuer { font-size: 20pt; }
          .masthead h1 { font-size: 15pt; margin-top: 2px; }
          .masthead .issue-line { font-size: 10pt; margin-top: 4px; }
          .masthead dl { font-size: 9pt; gap: 2px 18px; }
          .masthead .rule { margin: 3px 0 4px; }
          .provisional-banner { margin-top: 8px; padding: 8px 12px; font-size: 11pt; }
          section { border: none; border-radius: 0; padding: 0; margin-top: 6px; break-inside: auto; }
          section.tier { break-before: page; }
          section.tier.small { break-before: auto; margin-top: 18px; }
          .township { break-inside: avoid; }
          .township { margin-top: 3px; font-size: 8pt; line-height: 1.5; }
          .township h3 { display: inline; margin: 0 8px 0 0; font-size: 8.5pt; border: none; padding: 0; }
          .villages { display: inline; font-size: 8pt; }
          .tier-lists { break-inside: avoid; }
          th.mark { white-space: nowrap; }
          h2 { font-size: 13pt; margin-bottom: 1px; line-height: 1.35; }
          h3 { font-size: 11pt; margin: 10px 0 4px; break-after: avoid; }
          .bulletin p { font-size: 10pt; line-height: 1.5; margin-bottom: 1px; }
          .kpis { grid-template-columns: repeat(3, 1fr); gap: 8px; }
          .kpi { padding: 6px 10px; break-inside: avoid; }
          .kpi .value { font-size: 16pt; margin-top: 0; line-height: 1.15; }
          .kpi .tier-name { font-size: 10pt; }
          .kpi .facts, .kpi .outlook { font-size: 8pt; line-height: 1.35; }
          .kpi .outlook { margin-top: 2px; }
          .legend { font-size: 7.5pt; margin-top: 3px; gap: 2px 14px; }
          .screen-legend { display: none; }
          .print-legend { display: flex; }
          .no-lists { padding: 3px 8px; margin: 2px 0; font-size: 9pt; }
          .lists { grid-template-columns: 1fr 1fr; gap: 14px; }
          .list-meaning, .note { font-size: 7pt; line-height: 1.3; margin-top: 1px; }
          .lists td { padding: 1px 3px; }
          .lists h4 { font-size: 9.5pt; margin: 0 0 2px; }
          .tier-lists h3 { margin: 3px 0 2px; }
          .lists th { padding: 1px 3px; }
          .kpi .outlook { line-height: 1.3; }
          table { font-size: 8pt; }
          th { font-size: 7.5pt; padding: 3px 3px; white-space: normal; vertical-align: bottom; }
          td { padding: 2px 3px; }
          td.flags .flag-note { display: none; }
          table.league .name-suffix { display: none; }
          th.code, td.code { display: none; }
          td.flags { min-width: 0; }
          tr { break-inside: avoid; }
          thead { display: table-header-group; }
          .table-wrap, .chart-wrap { overflow: visible; }
          .chart-wrap svg.chart { max-height: 62mm; }
          ol.below-list { columns: 2; column-gap: 16px; font-size: 8pt; line-height: 1.4; }
          ol.below-list .outlook { font-size: 7.5pt; }
          footer { font-size: 8pt; margin-top: 12px; }
        }
        """
}
