import { Spin } from 'antd';

/** Shown while a lazily loaded page or the session is on its way. */
export function PageFallback() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 240, height: '100%' }}>
      <Spin size="large" />
    </div>
  );
}
