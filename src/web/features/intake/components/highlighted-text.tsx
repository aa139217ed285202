import { useMemo } from 'react';
import { theme } from 'antd';
import type { Span } from '../../../../contract/intake.ts';

export interface TextMark {
  key: string;
  span: Span;
}

/** The DOM id of a fact's first highlight, for scrolling it into view. */
export const markId = (key: string) => `intake-mark-${key}`;

interface Segment {
  start: number;
  end: number;
  key: string | null;
}

/** Cuts the text at every span boundary; a piece inside several spans belongs to the innermost. */
function segmentsOf(length: number, marks: TextMark[]): Segment[] {
  const cuts = new Set([0, length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(length, m.span[0])));
    cuts.add(Math.max(0, Math.min(length, m.span[1])));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.span[0] <= start && m.span[1] >= end).sort((a, b) => a.span[1] - a.span[0] - (b.span[1] - b.span[0]));
    const key = covering[0]?.key ?? null;
    const last = segments[segments.length - 1];
    if (last && last.key === key) last.end = end;
    else segments.push({ start, end, key });
  }
  return segments;
}

/** The source text with each fact's span highlighted; hovering a highlight names its fact, clicking selects it. */
export function HighlightedText(props: {
  text: string;
  marks: TextMark[];
  activeKey: string | null;
  onHover: (key: string | null) => void;
  onSelect: (key: string) => void;
}) {
  const { token } = theme.useToken();
  const segments = useMemo(() => segmentsOf(props.text.length, props.marks), [props.text, props.marks]);
  const seen = new Set<string>();
  return (
    <div
      data-testid="intake-source-text"
      style={{
        whiteSpace: 'pre-wrap',
        lineHeight: 1.9,
        maxHeight: 640,
        overflow: 'auto',
        padding: 12,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
      }}
    >
      {segments.map((s) => {
        const piece = props.text.slice(s.start, s.end);
        if (!s.key) return <span key={s.start}>{piece}</span>;
        const first = !seen.has(s.key);
        seen.add(s.key);
        const active = s.key === props.activeKey;
        return (
          <mark
            key={s.start}
            id={first ? markId(s.key) : undefined}
            data-fact-key={s.key}
            onMouseEnter={() => props.onHover(s.key)}
            onMouseLeave={() => props.onHover(null)}
            onClick={() => props.onSelect(s.key!)}
            style={{
              cursor: 'pointer',
              padding: '1px 0',
              borderRadius: 2,
              background: active ? token.colorWarningBg : token.colorPrimaryBgHover,
              borderBottom: `2px solid ${active ? token.colorWarning : token.colorPrimaryBorder}`,
              outline: active ? `2px solid ${token.colorWarning}` : 'none',
              transition: 'background 0.2s',
            }}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
}
