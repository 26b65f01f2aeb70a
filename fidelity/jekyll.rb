# Evaluates every page's Liquid with Jekyll itself, as `jekyll build` does before kramdown reads
# the page: the site's `_config.yml`, `_data`, collections, `_includes` and `_layouts`, Jekyll's
# own tags and filters. Documents of collections are rendered first (with their layouts), so a
# page that outputs `{{ staffer }}` gets what readers see. The theme and plugins are not loaded
# (they are gems this machine does not have); a page whose Liquid needs them is reported with
# Jekyll's error and the caller falls back to its own emulation for that page. The exceptions are
# the plugins named in FIDELITY_JEKYLL_PLUGINS (comma-separated): GitHub Pages' plugins that make
# pages and titles (`jekyll-titles-from-headings`), which the site's build runs, so `page.title`
# and `site.pages` are what its Liquid reads on the published site.
#
# Usage: ruby jekyll.rb <site folder> [theme includes folder] [Jekyll major version]. The second
# folder holds the theme's includes (importer/site/themeIncludes.ts), read after the site's own
# `_includes/` as Jekyll reads a theme's. The third argument is the major version of Jekyll that
# builds the site (its Gemfile.lock's): with 3 (GitHub Pages' github-pages gem), `{% link %}`
# gives the page's URL without the site's baseurl, as Jekyll 3 does; Jekyll 4 adds it. Prints
# one JSON object on stdout:
#   {"pages": {"<path relative to the site>": {"markdown": "..."} | {"error": "..."}}}
require 'json'
require 'pathname'
require 'tmpdir'
require 'jekyll'

source = File.expand_path(ARGV.fetch(0))
theme_includes = ARGV[1] && File.expand_path(ARGV[1])
captured = {}
# Paths as the importer names files: relative to the site, collections_dir included.
relative = lambda do |document|
  next document.relative_path unless document.is_a?(Jekyll::Document)

  Pathname.new(document.path).relative_path_from(Pathname.new(source)).to_s
end
current = nil

ENV.fetch('FIDELITY_JEKYLL_PLUGINS', '').split(',').each do |name|
  require name
rescue LoadError
  package = "ruby-#{name}"
  abort "Cannot load the plugin #{name} the site's build runs: install the Debian package #{package} (apt-get install #{package})."
end

# The markdown Jekyll hands its converters is the page after Liquid: keep it per page (an HTML
# page's converter hands it on as it is, so it is what readers get).
module CaptureLiquidOutput
  def convert(content)
    hook = Thread.current[:fidelity_capture]
    hook&.call(document, content.to_s)
    super
  end
end
Jekyll::Renderer.prepend(CaptureLiquidOutput)

# The theme's includes come after the site's own, as a theme gem's do.
module ThemeIncludes
  def includes_load_paths
    extra = Thread.current[:fidelity_theme_includes]
    extra ? super + [extra] : super
  end
end
Jekyll::Site.prepend(ThemeIncludes)
Thread.current[:fidelity_theme_includes] = theme_includes

# Jekyll 3's `{% link %}`: the URL without the baseurl (a page writes `{{ site.baseurl }}` before
# it); Jekyll 4 passes it through `relative_url`.
module LinkWithoutBaseurl
  def render(context)
    url = super
    base = context.registers[:site].config['baseurl'].to_s.chomp('/')
    base.empty? ? url : url.delete_prefix(base)
  end
end
Jekyll::Tags::Link.prepend(LinkWithoutBaseurl) if ARGV[2] == '3'

Jekyll.logger.log_level = :error
Dir.mktmpdir('fidelity-jekyll') do |destination|
  overrides = {
    'source' => source,
    'destination' => destination,
    'quiet' => true,
    'safe' => true,
    'theme' => nil,
    'plugins' => [],
    'highlighter' => 'none',
    'incremental' => false,
  }
  config = Jekyll.configuration(overrides)
  config.delete('theme')
  site = Jekyll::Site.new(config)
  site.reset
  site.read
  site.generate
  payload = site.site_payload
  Thread.current[:fidelity_capture] = lambda do |document, markdown|
    next unless document.equal?(current)

    captured[relative.call(current)] ||= { markdown: markdown }
  end
  documents = site.collections.values.flat_map(&:docs) + site.pages
  documents.each do |document|
    next unless File.extname(relative.call(document)).match?(/\A\.(md|markdown|mkdown|mkdn?|html?|xhtml)\z/i)

    current = document
    begin
      document.renderer.payload = payload
      document.output = document.renderer.run
    rescue StandardError, SystemStackError => e
      captured[relative.call(document)] ||= { error: "#{e.class}: #{e.message}".lines.first.strip.sub(/(?<=\.) .*/, '') }
    end
  end
end

puts JSON.generate({ pages: captured })
