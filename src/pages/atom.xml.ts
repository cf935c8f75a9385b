import { feedResponse } from '../site/endpoints.ts';

export const GET = () => feedResponse('atom');
