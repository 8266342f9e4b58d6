// Worker thread bootstrap: registers tsx (so properties and sources load as TypeScript), then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
