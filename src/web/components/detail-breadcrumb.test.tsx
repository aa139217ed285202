// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailBreadcrumb } from './detail-breadcrumb';

afterEach(cleanup);

describe('DetailBreadcrumb: the trail above a detail page', () => {
  it('links each step back to its list and ends with the record, not a link', () => {
    render(
      <MemoryRouter>
        <DetailBreadcrumb trail={[{ label: '项目管理', to: '/projects' }]} current="汾东新材料产业园" />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: '项目管理' }).getAttribute('href')).toBe('/projects');
    expect(screen.getByText('汾东新材料产业园').closest('a')).toBeNull();
  });
});
