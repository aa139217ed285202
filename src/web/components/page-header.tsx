import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/**
 * The top line of a list page: its title on the left, its controls (filters, 新建) on the right,
 * wrapping under the title on a narrow screen.
 */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      {/* The title keeps its width; the controls wrap under it, or scroll in their own line on a phone. */}
      <Typography.Title level={4} style={{ margin: 0, flexShrink: 0, maxWidth: '100%' }}>
        {title}
      </Typography.Title>
      {extra && <div style={{ maxWidth: '100%', overflowX: 'auto' }}>{extra}</div>}
    </Flex>
  );
}
