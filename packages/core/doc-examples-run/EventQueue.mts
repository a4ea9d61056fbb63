import { EventQueue } from '@motcua/core/simulation';
const queue = new EventQueue<string>();
queue.push(Date.parse('2026-03-02T09:00:00+07:00'), 'receive');
queue.push(Date.parse('2026-03-02T08:00:00+07:00'), 'open desk');
console.log('EventQueue:', JSON.stringify(queue.pop()), '//', "{ at: \u2026, item: 'open desk' }: earliest first");

export {};
