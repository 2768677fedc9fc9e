#!/usr/bin/env node
'use strict';
require('./register-fast');
require('../scripts/tdkt.ts');
