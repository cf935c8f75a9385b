import { calendarResponse } from '../site/endpoints.ts';

export const GET = () => calendarResponse();
