// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FilePicker } from './file-picker';

afterEach(cleanup);

const pdf = () => new File(['%PDF-1.4 test'], '框架协议.pdf', { type: 'application/pdf' });
const input = () => document.querySelector('input[type="file"]') as HTMLInputElement;

async function choose(file: File) {
  await act(async () => {
    fireEvent.change(input(), { target: { files: [file] } });
  });
}

describe('FilePicker: the one upload widget', () => {
  it('hands the chosen file to the caller and posts nothing itself', async () => {
    const picked: File[] = [];
    const fetched: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((...args: unknown[]) => (fetched.push(args), Promise.reject(new Error('no network')))) as typeof fetch;
    try {
      render(<FilePicker label="选择文件" accept=".pdf" onPick={(f) => picked.push(f)} />);
      expect(input().accept).toBe('.pdf');
      await choose(pdf());
      expect(picked.map((f) => f.name)).toEqual(['框架协议.pdf']);
      expect(fetched).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('a drop area shows the chosen name and its remove link clears it', async () => {
    let cleared = 0;
    render(<FilePicker dragger label="拖入或点击选择文件" hint="PDF，不超过 20 MB" fileName="框架协议.pdf" onPick={() => {}} onClear={() => cleared++} />);
    expect(screen.getByText('拖入或点击选择文件')).toBeTruthy();
    expect(screen.getByText('PDF，不超过 20 MB')).toBeTruthy();
    expect(screen.getByText('框架协议.pdf')).toBeTruthy();
    await act(async () => {
      fireEvent.click(document.querySelector('.ant-upload-list-item-action, [title="Remove file"], .anticon-delete')!);
    });
    expect(cleared).toBe(1);
  });

  it('an icon-only button carries its label as its accessible name', () => {
    render(<FilePicker iconOnly label="上传照片" onPick={() => {}} />);
    expect(screen.getByRole('button', { name: '上传照片' })).toBeTruthy();
  });

  it('a disabled picker does not take a file', async () => {
    const picked: File[] = [];
    render(<FilePicker disabled label="选择文件" onPick={(f) => picked.push(f)} />);
    expect(input().disabled).toBe(true);
  });
});
