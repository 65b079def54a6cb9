// `dist/consentry-stub.min.js`: the stubs as a classic script for the top of <head>.
import { installStubs } from './index.js'

installStubs()
