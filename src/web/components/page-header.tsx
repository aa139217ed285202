import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/**
 * The top line of a list page: its title on the left, its controls (filters, 新建) on the right,
 * wrapping under the title on a narrow screen.
 */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
