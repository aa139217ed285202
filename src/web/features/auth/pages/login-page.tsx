import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { useI18n } from '../../../i18n/use-i18n';
import { isApiError } from '../../../lib/api-error';
import { sessionEndReason } from '../../../lib/session-end-reason';
import { useLogin, type LoginInput } from '../api/login';
import { useMe } from '../api/get-me';

export interface LoginLocationState {
  from?: string;
  notice?: 'expired' | 'loggedOut';
}

/** The Chinese-first login page: Enter submits, the username field has focus, failures say why. */
export default function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const me = useMe();
  const loginMutation = useLogin();
  const [errorText, setErrorText] = useState<string | null>(null);

  // The notice has been handed over through the location state; forget it so it is not shown twice.
  useEffect(() => sessionEndReason.clear(), []);

  if (me.data) return <Navigate to={state.from ?? '/'} replace />;

  const onFinish = (values: LoginInput) => {
    setErrorText(null);
    loginMutation.mutate(values, {
      onSuccess: () => navigate(state.from ?? '/', { replace: true }),
      onError: (error) => setErrorText(isApiError(error) && error.code === 'NETWORK_ERROR' ? t('error.network') : error.message),
    });
  };

  const notice = state.notice === 'expired' ? t('auth.sessionExpired') : state.notice === 'loggedOut' ? t('auth.loggedOut') : null;

  return (
    <div style={{ minHeight: '100%', display: 'flex', flexDirection: 'column', background: 'linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 55%, #fdf6ec 100%)' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LanguageSwitch />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
        <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.08)' }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <Typography.Title level={3} style={{ marginBottom: 4 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('app.shortName')} · {t('auth.subtitle')}
            </Typography.Text>
          </div>
          {notice && !errorText && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
          {errorText && <Alert type="error" showIcon title={errorText} role="alert" style={{ marginBottom: 16 }} />}
          <Form<LoginInput> name="login" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
