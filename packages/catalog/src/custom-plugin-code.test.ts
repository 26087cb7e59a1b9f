import { describe, expect, it } from 'vitest';
import { luaFindings } from './custom-plugin-code.js';

const handler = (body: string) =>
  `local H = { PRIORITY = 900, VERSION = "1.0.0" }\n${body}\nreturn H\n`;

describe('luaFindings', () => {
  it.each([
    [
      'a request-phase handler',
      handler('function H:access(conf)\n  kong.service.request.set_header("x", conf.v)\nend'),
    ],
    [
      'a schema table',
      'return { name = "p", fields = { { config = { type = "record", fields = {} } } } }',
    ],
    [
      'the words in a comment or a string',
      handler('-- no init_worker, no ngx.timer\nlocal s = "ngx.timer"'),
    ],
    ['a goto (LuaJIT)', 'for i = 1, 2 do\n  goto continue\n  ::continue::\nend\nreturn {}'],
    ['a local named timer', handler('local timer = 1')],
  ])('accepts %s', (_name, source) => {
    expect(luaFindings(source)).toEqual([]);
  });

  it.each([
    ['a method init_worker', handler('function H:init_worker()\nend'), 2, 'init_worker phase'],
    ['a field init_worker', handler('H.init_worker = function() end'), 2, 'init_worker phase'],
    [
      'an indexed init_worker',
      handler('H["init_worker"] = function() end'),
      2,
      'init_worker phase',
    ],
    ['a table key init_worker', 'return { init_worker = function() end }', 1, 'init_worker phase'],
    [
      'ngx.timer.at',
      handler('function H:access()\n  ngx.timer.at(0, function() end)\nend'),
      3,
      'ngx.timer',
    ],
    ['ngx["timer"]', handler('local t = ngx["timer"]'), 2, 'ngx.timer'],
    ['a syntax error', 'local x = = 1', 1, 'is not Lua'],
    ['Lua 5.3 integer division', 'return 7 // 2', 1, 'is not Lua'],
  ])('refuses %s', (_name, source, line, message) => {
    const findings = luaFindings(source);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(line);
    expect(findings[0]?.message).toContain(message);
  });
});
