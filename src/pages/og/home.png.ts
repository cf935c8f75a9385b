import { homePreviewResponse } from '../../site/images.ts';

export const GET = () => homePreviewResponse();
