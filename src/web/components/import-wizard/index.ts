export { ImportWizard, type ImportWizardProps } from './import-wizard';
export { committedCount, ZoneImportPage, type ZoneImportPageProps } from './zone-import-page';
