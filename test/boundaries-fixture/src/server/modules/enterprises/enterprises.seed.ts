export const demoEnterprises = ['示例企业'];
