export { projectCount } from './projects.service.ts';
