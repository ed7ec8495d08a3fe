"""Small SVG bar charts for the instructor's pages (no plotting library, no build step)."""

from __future__ import annotations

from html import escape


def bar_chart(labels: list[str], values: list[float], *, top: float | None = None, width: int = 560,
              height: int = 220, value_format: str = "{:g}", title: str = "", slanted_labels: bool = False) -> str:
    """An SVG bar chart of ``values`` with ``labels`` under the bars; ``top`` fixes the y-axis maximum.

    ``slanted_labels`` turns long labels by 40 degrees (and makes room for them below the bars).
    """
    top = top or max(values, default=0) or 1
    margin, label_room = 30, (130 if slanted_labels else 40)
    height += label_room - 40
    plot_height = height - margin - label_room
    step = (width - 2 * margin) / max(len(values), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
             f'<title>{escape(title)}</title>',
             f'<line x1="{margin}" y1="{margin + plot_height}" x2="{width - margin}" y2="{margin + plot_height}" '
             'stroke="#444"/>']
    for index, (label, value) in enumerate(zip(labels, values)):
        bar = plot_height * min(value, top) / top
        x = margin + index * step + step * 0.1
        y = margin + plot_height - bar
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" height="{bar:.1f}" fill="#3b7dd8">'
                     f'<title>{escape(label)}: {value_format.format(value)}</title></rect>')
        parts.append(f'<text x="{x + step * 0.4:.1f}" y="{y - 4:.1f}" font-size="11" text-anchor="middle">'
                     f'{value_format.format(value)}</text>')
        label_x, label_y = x + step * 0.4, margin + plot_height + 14
        placement = (f'text-anchor="end" transform="rotate(-40 {label_x:.1f} {label_y})"' if slanted_labels
                     else 'text-anchor="middle"')
        parts.append(f'<text x="{label_x:.1f}" y="{label_y}" font-size="10" {placement}>{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
