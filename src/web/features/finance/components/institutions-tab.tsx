import { Col, Form, Input, InputNumber, Row, Select, Tag, Typography } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import { institutionKinds, type InstitutionKind } from '../../../../contract/services/enums.ts';
import type { FinanceInstitution, FinanceProduct } from '../../../../contract/services/finance.ts';
import { institutionKindLabels } from '../../../../contract/services/labels.ts';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useCreateInstitution } from '../api/create-institution';
import { useCreateProduct } from '../api/create-product';
import { useInstitutions } from '../api/list-institutions';
import { useProducts } from '../api/list-products';
import { useUpdateInstitution } from '../api/update-institution';
import { useUpdateProduct } from '../api/update-product';
import { labelOf, wanOf } from './labels';

interface InstitutionValues {
  name: string;
  kind: InstitutionKind;
  contact?: string;
}
interface ProductValues {
  institutionId: string;
  name: string;
  maxAmountWan?: number | null;
  termMonths?: number | null;
  rate?: string;
  collateral?: string;
}

/** 金融机构及产品: the banks, guarantors and lessors of the zone, each with its products. */
export function InstitutionsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t, locale } = useI18n();
  const { hasPermission } = useSession();
  const manage = hasPermission('finance.manage');
  const institutions = useInstitutions(listZone);
  const products = useProducts(listZone);
  const createInstitution = useCreateInstitution();
  const updateInstitution = useUpdateInstitution();
  const createProduct = useCreateProduct();
  const updateProduct = useUpdateProduct();
  const required = [{ required: true, message: t('validation.required') }];
  const kindLabel = (k: InstitutionKind) => labelOf(institutionKindLabels[k], locale);

  return (
    <div>
      <ListTab<FinanceInstitution, InstitutionValues>
        rows={institutions.data}
        loading={institutions.isLoading}
        scrollX={760}
        canEdit={manage}
        canAdd={Boolean(zoneId)}
        newLabel={t('finance.newInstitution')}
        editLabel={() => t('finance.editInstitution')}
        newTestId="finance-new-institution"
        formName="finance-institution-form"
        saving={createInstitution.isPending || updateInstitution.isPending}
        onReload={() => institutions.refetch()}
        initialValues={(editing) => (editing === 'new' ? { kind: 'bank' } : { ...editing, contact: editing.contact ?? undefined })}
        save={(v, editing) => {
          const body = { ...v, contact: v.contact || null };
          return editing === 'new'
            ? createInstitution.mutateAsync({ zoneId: zoneId!, ...body })
            : updateInstitution.mutateAsync({ id: editing.id, version: editing.version, ...body });
        }}
        columns={(edit) => [
          { title: t('finance.institution'), dataIndex: 'name', render: (v: string, i) => (manage ? <a onClick={() => edit(i)}>{v}</a> : v) },
          { title: t('finance.institutionKind'), dataIndex: 'kind', width: 100, render: (k: InstitutionKind) => <Tag>{kindLabel(k)}</Tag> },
          { title: t('finance.contact'), dataIndex: 'contact', width: 180 },
          { title: t('finance.productCount'), dataIndex: 'productCount', width: 70 },
          { title: t('finance.referrals'), dataIndex: 'referralCount', width: 80 },
          { title: t('finance.granted'), dataIndex: 'grantedYuan', width: 110, render: (v: number) => formatMoney(v, locale) },
        ]}
      >
        {() => (
          <>
            <Form.Item name="name" label={t('finance.institution')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="kind" label={t('finance.institutionKind')} rules={required}>
              <Select options={institutionKinds.map((k) => ({ value: k, label: kindLabel(k) }))} />
            </Form.Item>
            <Form.Item name="contact" label={t('finance.contact')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </ListTab>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('finance.products')}
      </Typography.Title>
      <ListTab<FinanceProduct, ProductValues>
        rows={products.data}
        loading={products.isLoading}
        scrollX={860}
        canEdit={manage}
        canAdd={Boolean(zoneId) && (institutions.data?.length ?? 0) > 0}
        newLabel={t('finance.newProduct')}
        editLabel={() => t('finance.editProduct')}
        newTestId="finance-new-product"
        formName="finance-product-form"
        saving={createProduct.isPending || updateProduct.isPending}
        onReload={() => products.refetch()}
        initialValues={(editing) =>
          editing === 'new'
            ? {}
            : { ...editing, maxAmountWan: wanOf(editing.maxAmountYuan), rate: editing.rate ?? undefined, collateral: editing.collateral ?? undefined }
        }
        save={(v, editing) => {
          const body = { ...v, maxAmountWan: v.maxAmountWan ?? null, termMonths: v.termMonths ?? null, rate: v.rate || null, collateral: v.collateral || null };
          return editing === 'new'
            ? createProduct.mutateAsync({ zoneId: zoneId!, ...body })
            : updateProduct.mutateAsync({ id: editing.id, version: editing.version, ...body });
        }}
        columns={(edit) => [
          { title: t('finance.productName'), dataIndex: 'name', render: (v: string, p) => (manage ? <a onClick={() => edit(p)}>{v}</a> : v) },
          { title: t('finance.institution'), dataIndex: 'institutionName', width: 200 },
          { title: t('finance.maxAmount'), dataIndex: 'maxAmountYuan', width: 110, render: (v: number | null) => formatMoney(v, locale) },
          { title: t('finance.termMonths'), dataIndex: 'termMonths', width: 90 },
          { title: t('finance.rate'), dataIndex: 'rate', width: 130 },
          { title: t('finance.collateral'), dataIndex: 'collateral', width: 160 },
        ]}
      >
        {() => (
          <>
            <Form.Item name="institutionId" label={t('finance.institution')} rules={required}>
              <Select options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
            </Form.Item>
            <Form.Item name="name" label={t('finance.productName')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={12}>
                <Form.Item name="maxAmountWan" label={t('finance.maxAmountWan')}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="termMonths" label={t('finance.termMonths')}>
                  <InputNumber min={1} max={600} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="rate" label={t('finance.rate')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="collateral" label={t('finance.collateral')}>
              <Input maxLength={300} />
            </Form.Item>
          </>
        )}
      </ListTab>
    </div>
  );
}
