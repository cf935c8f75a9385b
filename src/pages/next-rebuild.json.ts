import { nextRebuildResponse } from '../site/site-data.ts';

export const GET = () => nextRebuildResponse();
