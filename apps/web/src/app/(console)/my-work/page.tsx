import type { Metadata } from 'next';
import { MyWork } from '@/features/work/components/my-work';

export const metadata: Metadata = { title: 'My work' };

export default function MyWorkPage() {
  return <MyWork />;
}
