// The shop's own code: a cart kept in localStorage and the events it tells Sillage about.
// Every call goes through `sillage.push([...])`, which works before and after the tracker
// script has loaded: before, it queues in the plain array; after, the tracker runs it.
;(function () {
  var CATALOG = {
    'sku-mug': { sku: 'sku-mug', name: 'Enamel mug', price: 14 },
    'sku-tote': { sku: 'sku-tote', name: 'Canvas tote', price: 22 },
    'sku-map': { sku: 'sku-map', name: 'Coastline map', price: 35 },
  }
  var CART_KEY = 'shop.cart'

  function readCart() {
    try {
      return JSON.parse(localStorage.getItem(CART_KEY) || '[]')
    } catch (_) {
      return []
    }
  }

  function writeCart(items) {
    localStorage.setItem(CART_KEY, JSON.stringify(items))
    var total = items.reduce(function (sum, item) {
      return sum + item.price * item.quantity
    }, 0)
    if (items.length === 0) {
      sillage.push(['track', 'cart_deleted', { cart_id: cartId() }])
    } else {
      sillage.push(['track', 'cart_updated', { cart_id: cartId(), items: items, total: total, currency: 'EUR' }])
    }
    renderCartCount()
  }

  function cartId() {
    var id = localStorage.getItem('shop.cartId')
    if (!id) {
      id = 'cart-' + Math.random().toString(36).slice(2, 10)
      localStorage.setItem('shop.cartId', id)
    }
    return id
  }

  function addToCart(sku) {
    var product = CATALOG[sku]
    var items = readCart()
    var line = items.find(function (item) {
      return item.sku === sku
    })
    if (line) line.quantity += 1
    else items.push({ sku: sku, name: product.name, price: product.price, quantity: 1 })
    writeCart(items)
  }

  function removeFromCart(sku) {
    writeCart(
      readCart().filter(function (item) {
        return item.sku !== sku
      }),
    )
  }

  function placeOrder() {
    var items = readCart()
    var orderId = 'order-' + Date.now().toString(36)
    var revenue = items.reduce(function (sum, item) {
      return sum + item.price * item.quantity
    }, 0)
    sillage.push([
      'track',
      'order_completed',
      { order_id: orderId, cart_id: cartId(), revenue: revenue, currency: 'EUR', items: items },
    ])
    localStorage.removeItem(CART_KEY)
    localStorage.removeItem('shop.cartId')
    location.href = 'thank-you.html?order=' + encodeURIComponent(orderId)
  }

  function logIn(email, firstName) {
    sillage.push(['identify', { email: email, attributes: { first_name: firstName } }])
    localStorage.setItem('shop.email', email)
    renderAccount()
  }

  function renderCartCount() {
    var count = readCart().reduce(function (sum, item) {
      return sum + item.quantity
    }, 0)
    document.querySelectorAll('[data-cart-count]').forEach(function (node) {
      node.textContent = String(count)
    })
  }

  function renderAccount() {
    var email = localStorage.getItem('shop.email')
    document.querySelectorAll('[data-account]').forEach(function (node) {
      node.textContent = email ? 'Signed in as ' + email : 'Not signed in'
    })
  }

  function renderCart() {
    var list = document.querySelector('[data-cart-lines]')
    if (!list) return
    var items = readCart()
    list.innerHTML = ''
    items.forEach(function (item) {
      var row = document.createElement('li')
      row.textContent = item.quantity + ' × ' + item.name + ' — ' + item.price * item.quantity + ' €'
      var remove = document.createElement('button')
      remove.type = 'button'
      remove.textContent = 'Remove'
      remove.setAttribute('data-remove', item.sku)
      remove.addEventListener('click', function () {
        removeFromCart(item.sku)
        renderCart()
      })
      row.appendChild(remove)
      list.appendChild(row)
    })
    document.querySelectorAll('[data-cart-empty]').forEach(function (node) {
      node.hidden = items.length > 0
    })
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-add-to-cart]').forEach(function (button) {
      button.addEventListener('click', function () {
        addToCart(button.getAttribute('data-add-to-cart'))
      })
    })
    var login = document.querySelector('form[data-login]')
    if (login) {
      login.addEventListener('submit', function (event) {
        event.preventDefault()
        logIn(login.elements.email.value.trim(), login.elements.first_name.value.trim())
      })
    }
    var checkout = document.querySelector('form[data-checkout]')
    if (checkout) {
      checkout.addEventListener('submit', function (event) {
        event.preventDefault()
        placeOrder()
      })
    }
    var clear = document.querySelector('[data-clear-cart]')
    if (clear)
      clear.addEventListener('click', function () {
        writeCart([])
        renderCart()
      })
    var order = document.querySelector('[data-order-id]')
    if (order) order.textContent = new URLSearchParams(location.search).get('order') || ''
    renderCartCount()
    renderAccount()
    renderCart()
  })

  window.shop = { catalog: CATALOG, cartId: cartId }
})()
