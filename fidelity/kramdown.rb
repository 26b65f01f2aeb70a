# Renders markdown with kramdown as Jekyll and GitHub Pages do (input GFM), one process for
# many documents: each stdin line is a JSON object {"markdown": "...", "options": {...}}, each
# stdout line the JSON object {"html": "..."} or {"error": "..."} for it, in the same order.
require 'json'
require 'kramdown'
require 'kramdown-parser-gfm'

# Jekyll's kramdown defaults (Jekyll::Configuration::DEFAULTS), without a syntax highlighter so
# the output does not depend on whether rouge is installed.
JEKYLL_DEFAULTS = {
  input: 'GFM',
  hard_wrap: false,
  auto_ids: true,
  footnote_nr: 1,
  entity_output: 'as_char',
  toc_levels: (1..6).to_a,
  smart_quotes: 'lsquo,rsquo,ldquo,rdquo',
  syntax_highlighter: nil,
}.freeze

$stdout.sync = true
$stdin.each_line do |line|
  begin
    request = JSON.parse(line)
    site = (request['options'] || {}).transform_keys(&:to_sym)
    site.delete(:syntax_highlighter)
    options = JEKYLL_DEFAULTS.merge(site)
    html = Kramdown::Document.new(request.fetch('markdown'), options).to_html
    puts JSON.generate({html: html})
  rescue StandardError => e
    puts JSON.generate({error: "#{e.class}: #{e.message}"})
  end
end
