import source from '../embed/embed.js?raw';
import { embedScriptResponse } from '../site/endpoints.ts';

export const GET = () => embedScriptResponse(source);
