/**
 * Script-injection payloads for author-controlled text, in the forms that
 * broke real feed readers and sanitizers: raw tags, attribute break-outs,
 * pre-escaped entities (double decoding), CDATA terminators, markdown links
 * and mutation-XSS shapes. Every output that renders author text as HTML
 * must show these as text.
 */
export const xssPayloads: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '<svg onload=alert(3)>',
  '<svg><script>alert(4)</script></svg>',
  '"><img src=x onerror=alert(5)>',
  "'><img src=x onerror=alert(6)>",
  '<iframe src="javascript:alert(7)"></iframe>',
  '<a href="javascript:alert(8)">click</a>',
  '&lt;img src=x onerror=alert(9)&gt;',
  '&amp;lt;img src=x onerror=alert(10)&amp;gt;',
  ']]><img src=x onerror=alert(11)>',
  ']]>]]><img src=x onerror=alert(12)><![CDATA[',
  '<![CDATA[<img src=x onerror=alert(13)>]]>',
  '<details open ontoggle=alert(14)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(16)>">',
  '`<img src=x onerror=alert(17)>`',
  '[click](javascript:alert(18))',
  '<img src="x" onerror="alert(19)"//',
  '\\u003cimg src=x onerror=alert(20)\\u003e',
];
