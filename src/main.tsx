// Start-up only: load data, mount the UI, start the map.
document.getElementById('app')!.textContent = 'Woonzorgkaart Overijssel';
