#!/usr/bin/env node
// The `diemtin` command. The code is TypeScript run through tsx's loader, so there is no
// build step between editing a file and running it.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
