// Side effect on purpose: the strict script-tag build plugs the network guard in before init runs.
import { enableStrictBlocking } from '../strict.js'

enableStrictBlocking()
