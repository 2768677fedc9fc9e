#!/usr/bin/env node
'use strict';
require('./register-ts');
require('../scripts/tdkt.ts');
