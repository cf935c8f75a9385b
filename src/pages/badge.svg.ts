import { badgeResponse } from '../site/endpoints.ts';

export const GET = () => badgeResponse();
