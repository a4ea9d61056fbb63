export { type Clock, SimulatedClock, systemClock } from './clock.js';
