// Stylesheets (Atlaskit's *.compiled.css, css-reset) mean nothing to jsdom; tests assert on text and roles.
module.exports = {};
