// office-addin-mock imports office-addin-manifest, whose ESM-only dependency chain jest on Node 20 cannot load.
// The mock needs only the OfficeApp enum from it.
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
