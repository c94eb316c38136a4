namespace HwLab.Lab.Reports.Html;

/// <summary>The report's only stylesheet, inline: the page loads nothing from anywhere.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; }
        h1 { margin-top: 28px; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 40px; }
        table { border-collapse: collapse; margin: 12px 0; width: 100%; font-size: 13px; }
        th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f5f5f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .verdict { display: inline-block; padding: 0 7px; border: 1px solid transparent; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .confirmed { background: #d8f3dc; color: #1b4332; border-color: #1b4332; } .refuted { background: #ffd6d6; color: #7f1d1d; border-color: #7f1d1d; }
        .inconclusive { background: #fff3bf; color: #5c3c00; border: 1px dashed #5c3c00; }
        .not-measurable { background: #e9ecef; color: #343a40; } .info { background: #dbeafe; color: #1e3a8a; }
        .not-run { background: #f8f9fa; color: #495057; border: 1px dotted #495057; }
        .decision { margin: -8px 0 16px; } .sampling { font-size: 13px; }
        .callout { border-left: 4px solid #D55E00; background: #fff4ec; padding: 4px 12px; margin: 8px 0; font-size: 13px; } .callout ul { margin: 4px 0; padding-left: 20px; }
        svg.interval { display: block; max-width: 100%; height: auto; } svg.interval .no-interval { font-size: 11px; fill: #555; }
        figure { margin: 18px 0; } figcaption { font-size: 13px; color: #555; margin-top: 4px; }
        svg.chart { max-width: 100%; height: auto; background: #fff; border: 1px solid #eee; }
        svg .grid { stroke: #eee; } svg .axis { stroke: #333; } svg .tick { font-size: 11px; fill: #444; }
        svg .axis-title { font-size: 12px; fill: #222; } svg .legend-text { font-size: 12px; fill: #222; } svg .cell { font-size: 10px; }
        .note { color: #555; font-size: 13px; } .source { color: #555; font-size: 13px; font-style: italic; } details { margin: 8px 0; } summary { cursor: pointer; color: #0b57d0; }
        code { background: #f5f5f7; padding: 1px 4px; border-radius: 3px; }
        """;
}
